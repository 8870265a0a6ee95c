// Purchase likelihood and coupons in the live product (issue 6): live session features from the
// tracker, the offer decision under the manager's policy, single-use coupons, redemptions, and
// the manager's report.
export { VISIT_GAP_MS, currentVisit, pageKeyOf, pageViewsOf, visitorTypeOf, type TrackedEvent } from './live-session';
export { DEFAULT_SHOP_KNOWLEDGE, ShopKnowledge, type ShopKnowledgeOptions } from './shop-knowledge';
export { CODE_RANDOM_CHARS, newCouponCode, normaliseCouponCode, type RandomBytes } from './coupon-codes';
export { currentPolicy, savePolicy, type PolicyState } from './policy-store';
export {
  DEFAULT_OFFER_SETTINGS,
  OfferEngine,
  budgetDayOf,
  shopperKeyOf,
  type Consideration,
  type OfferEngineDeps,
  type OfferSettings,
  type SkipReason,
} from './offer-engine';
export { KeyedThrottle } from './session-throttle';
export { checkCoupon, redeemCoupon, type CouponCheck, type RedemptionRequest } from './redemptions';
export { offerReport, type GroupConversion, type OfferReport, type OfferSummary, type ReportQuery } from './offer-report';
export { OfferService, type OfferServiceOptions } from './offer-service';
