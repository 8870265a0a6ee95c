import type { DeliveryMethod, PaymentFailure, PaymentMethod, ReturnStatus } from '../../store';

/** Delivery by one method, formatted for the locale. */
export interface RateFacts {
  method: DeliveryMethod;
  price: string;
  minDays: number;
  maxDays: number;
  /** The order total from which it is free, formatted; null when never free. */
  freeOver: string | null;
}

/** Why an order cannot be returned now. */
export type ReturnRefusal = 'not_dispatched' | 'in_transit' | 'window_passed' | 'closed' | 'already_open';

/** One return as the bot tells it. */
export interface ReturnFacts {
  rma: string;
  status: ReturnStatus;
  refund: string;
  requestedOn: string;
  refundedOn: string | null;
}

/** One product as the bot tells it. */
export interface ProductFacts {
  name: string;
  price: string;
  stock: number;
  description: string;
}

/** What a product search looked for, formatted for the locale. */
export interface SearchCriteria {
  words: string | null;
  colour: string | null;
  category: string | null;
  maxPrice: string | null;
}

/** Replies of the shop skills (issue 4), per locale. */
export interface ShopTexts {
  /** Offered when a question was asked twice without an answer. */
  offerHuman: string;
  /** The quick reply that asks for a person (sends the talk_to_human phrase). */
  talkToHuman: string;
  /** After too many wrong order number + email pairs in one conversation. */
  identityLocked: string;
  /** Quick replies of a yes/no question. */
  yesNo: [string, string];
  reaskYesNo: string;
  /** Quick-reply phrases that start other skills. */
  phrases: { cancelOrder: string; changeAddress: string; startReturn: string };
  formatMoney(minor: number, currency: string): string;
  countryName(code: string): string;
  /** A shipping zone's name: its country when it has one, else the shop's name for it. */
  zoneName(zone: { name: string; countries: string[]; isDefault: boolean }): string;

  confirmCancel(orderId: string, total: string): string;
  cancelDone(orderId: string, refundDays: number): string;
  cancelKept(orderId: string): string;
  notBeforeDispatch(orderId: string, status: string, what: 'cancel' | 'address'): string;
  orderClosed(orderId: string, status: string): string;

  askAddress(orderId: string, current: string | null): string;
  reaskAddress: string;
  confirmAddress(orderId: string, address: string): string;
  addressDone(orderId: string, address: string): string;
  addressKept(orderId: string): string;

  notReturnable(orderId: string, why: ReturnRefusal, detail: string): string;
  askReturnReason(orderId: string): string;
  returnReasons: string[];
  reaskReturnReason: string;
  returnCreated(r: { rma: string; orderId: string; refund: string; refundDays: number; freeReturns: boolean }): string;

  refundStatus(orderId: string, returns: ReturnFacts[]): string;
  noReturns(orderId: string): string;
  orderRefunded(orderId: string): string;
  refundPolicy(p: { returnWindowDays: number; refundProcessingDays: number; freeReturns: boolean }): string;

  deliveryTo(country: string, rates: RateFacts[]): string;
  deliveryZones(zones: { name: string; rates: RateFacts[] }[]): string;
  noDelivery(country: string): string;
  /** The shop has set up no shipping zones yet. */
  noDeliveryZones: string;

  paymentMethods(methods: PaymentMethod[]): string;
  paymentIssueIntro: string;
  paymentFailed(orderId: string, amount: string, reason: PaymentFailure): string;
  paymentOk(orderId: string, amount: string): string;
  paymentRefunded(orderId: string, amount: string): string;
  noPayments(orderId: string): string;

  invoiceResent(orderId: string, maskedEmail: string): string;
  changeOrderOptions(orderId: string): string;
  changeOrderTooLate(orderId: string, status: string): string;
  accountHelp: string;
  couponRules(couponsPerOrder: number): string;

  productFacts(p: ProductFacts): string;
  productNotInColour(name: string, colour: string): string;
  /** The product is not in the colour, and nothing like it is either. */
  productNotInColourNone(name: string, colour: string): string;
  /** @param more true when the search stopped at `count` (there are more; best sellers shown first) */
  productsFound(criteria: SearchCriteria, count: number, more: boolean): string;
  noProducts(criteria: SearchCriteria): string;
  askWhatProduct: string;
  colourName(colour: string): string;
}
