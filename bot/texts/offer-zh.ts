import type { OfferTexts } from './offer-types';

/** Chinese offer texts. */
export const OFFER_ZH: OfferTexts = {
  coupon: (percentOff, expiresAt) =>
    `还在考虑吗？送您一张专属优惠券：订单立减 ${percentOff}%。请在 ` +
    `${new Date(expiresAt).toLocaleString('zh-CN', { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })}（UTC）前结账时使用下方优惠码，限用一次。`,
};
