import type { HandoffTexts } from './handoff-types';

import type { ShopTexts } from './shop-types';
import type { OfferTexts } from './offer-types';

/** Facts of an order as the bot tells them. */
export interface OrderFacts {
  id: string;
  status: string;
  carrier: string | null;
  trackingNumber: string | null;
  /** Formatted for the locale. */
  eta: string | null;
  deliveredAt: string | null;
  placedAt: string;
}

/** Every sentence the bot says, per locale: one place, so translations stay complete. */
export interface ReplyTexts {
  /** The shop skills: orders, returns, delivery, payments, products (bot/skills). */
  shop: ShopTexts;
  /** Around a human handoff (bot/handoff). */
  handoff: HandoffTexts;
  /** The coupon offer (bot/offers). */
  offers: OfferTexts;
  greeting: string;
  greetingBack: string;
  goodbye: string;
  thanks: string;
  capabilities: string;
  notUnderstood: string;
  /** Quick replies offered with the capabilities list. */
  suggestions: string[];
  askOrderNumber: string;
  reaskOrderNumber: string;
  askEmail: string;
  reaskEmail: string;
  orderNotFound: string;
  tooManyAttempts: string;
  cancelled: string;
  orderStatus(order: OrderFacts): string;
  statusName(status: string): string;
  /** Dates in the locale's own form. */
  formatDate(iso: string): string;
}
