import type { OfferTexts } from './offer-types';

/** English offer texts. */
export const OFFER_EN: OfferTexts = {
  coupon: (percentOff, expiresAt) =>
    `Still deciding? Here is ${percentOff}% off your order, just for you. Use the code below at checkout before ` +
    `${new Date(expiresAt).toLocaleString('en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} (UTC); it works once.`,
};
