/** Order lifecycle, in the order an order normally moves through it. */
export const ORDER_STATUSES = ['pending', 'paid', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;
/** Where an order is. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A shop customer. */
export interface Customer {
  id: string;
  email: string;
  name: string;
  country: string | null;
  locale: string | null;
  createdAt: string;
}

/** A catalog product. Prices are in minor units (pence, cents). */
export interface Product {
  id: string;
  name: string;
  description: string;
  category: string;
  priceMinor: number;
  currency: string;
  stock: number;
  imageUrl: string | null;
  /** Free-form attributes such as colour and size. */
  attributes: Record<string, string>;
  updatedAt: string;
}

/** One line of an order. */
export interface OrderItem {
  productId: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
}

/** A customer's order with its shipment facts. */
export interface Order {
  id: string;
  customerId: string | null;
  email: string;
  status: OrderStatus;
  placedAt: string;
  totalMinor: number;
  currency: string;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: string | null;
  /** Estimated delivery date (ISO 8601), when known. */
  eta: string | null;
  deliveredAt: string | null;
  shippingCountry: string | null;
  shippingAddress: string | null;
  updatedAt: string;
  items: OrderItem[];
}

/** A shopper's browser session (anonymous unless linked to a customer). */
export interface ShopperSession {
  id: string;
  customerId: string | null;
  locale: string;
  createdAt: string;
  lastSeenAt: string;
}

/** Kinds of behaviour event the tracker records. */
export const EVENT_TYPES = ['page_view', 'product_view', 'add_to_cart', 'remove_from_cart', 'purchase'] as const;
/** One kind of behaviour event. */
export type EventType = (typeof EVENT_TYPES)[number];

/** A behaviour event of a session. */
export interface BehaviourEvent {
  id: number;
  sessionId: string;
  customerId: string | null;
  type: EventType;
  pageType: string | null;
  productId: string | null;
  url: string | null;
  quantity: number | null;
  at: string;
}

/** Channels a conversation can come through. */
export const CHANNELS = ['widget', 'botframework', 'webhook'] as const;
/** One channel. */
export type Channel = (typeof CHANNELS)[number];

/** A conversation: one open at a time per session and channel. */
export interface Conversation {
  id: string;
  sessionId: string;
  channel: Channel;
  locale: string;
  status: 'open' | 'closed';
  startedAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** Who wrote a message. */
export type MessageRole = 'shopper' | 'bot' | 'agent' | 'system';

/** What the NLU made of a shopper message, stored beside it for transcripts and analytics. */
export interface MessageAnnotations {
  locale: string;
  intent: string;
  confidence: number;
  sentimentLabel: 'negative' | 'neutral' | 'positive';
  sentimentScore: number;
  entities: unknown[];
}

/** A stored chat message. */
export interface StoredMessage {
  seq: number;
  id: string;
  conversationId: string;
  role: MessageRole;
  text: string;
  clientId: string | null;
  /** Structured extras shown with the text (quick replies, product cards, coupon). */
  payload: Record<string, unknown> | null;
  createdAt: string;
  annotations: MessageAnnotations | null;
}

/** What the frustration tracker reads of a shopper message: its text and the NLU's reading. */
export type ShopperReading = Pick<StoredMessage, 'role' | 'text' | 'annotations'>;

/** Roles of console users: agents answer shoppers; managers also administer. */
export const USER_ROLES = ['agent', 'manager'] as const;
/** One console role. */
export type UserRole = (typeof USER_ROLES)[number];

/** Whether a console user takes conversations now (`offline`: no console connected). */
export const PRESENCES = ['online', 'away', 'offline'] as const;
/** One presence. */
export type Presence = (typeof PRESENCES)[number];

/** A console user (agent or manager). The password hash never leaves the store's callers in `server/auth`. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** Languages the user answers in, e.g. `['en', 'zh']`. */
  languages: string[];
  /** Teams (skills) the user belongs to, e.g. `['general', 'billing']`. */
  teams: string[];
  /** How many conversations the user owns at once at most. */
  capacity: number;
  presence: Presence;
  /** When the presence last changed (an agent offline for long loses their conversations). */
  presenceAt: string;
  createdAt: string;
}

/**
 * Where a handoff is. `bot` is the conversation before any handoff (the bot owns it); the row
 * of a handoff starts `queued`. `resolved`, `abandoned` and `expired` are final.
 */
export const HANDOFF_STATUSES = ['bot', 'queued', 'assigned', 'transferred', 'resolved', 'abandoned', 'expired'] as const;
/** One handoff status. */
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** What made the bot hand over. */
export const HANDOFF_TRIGGERS = ['asked', 'complaint', 'frustration'] as const;
/** One trigger. */
export type HandoffTrigger = (typeof HANDOFF_TRIGGERS)[number];

/** A conversation handed to humans: who owns it, since when, until which deadline. */
export interface Handoff {
  id: string;
  conversationId: string;
  status: Exclude<HandoffStatus, 'bot'>;
  trigger: HandoffTrigger;
  language: string;
  team: string;
  /** Higher first in the queue. */
  priority: number;
  /** The shopper's last intent before the handoff. */
  intent: string | null;
  /** The shopper's last sentiment score (-1..1). */
  sentimentScore: number | null;
  /** One paragraph: what the bot already did. */
  summary: string;
  /** The agent owning it (assigned), or who owned it last. */
  agentId: string | null;
  /** While transferred: the agent it was passed to (null: to the team). */
  targetAgentId: string | null;
  queuedAt: string;
  assignedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  /** The SLA deadline of the current status (swept when passed). */
  deadlineAt: string | null;
  /** The last message sequence number the owning agent has read. */
  agentReadSeq: number;
  csatAskedAt: string | null;
  updatedAt: string;
}

/** A private note agents write on a conversation (never shown to the shopper). */
export interface AgentNote {
  id: string;
  conversationId: string;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: string;
}

/** A prepared reply agents insert with one key. */
export interface CannedReply {
  id: string;
  locale: string;
  title: string;
  text: string;
}

/** A shopper's leave-a-message request, taken when nobody was online. */
export interface FollowUp {
  id: string;
  conversationId: string;
  status: 'awaiting_email' | 'awaiting_message' | 'stored' | 'dropped';
  email: string | null;
  text: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Where a return is: requested by the shopper, received back at the shop, refunded, or refused. */
export const RETURN_STATUSES = ['requested', 'received', 'refunded', 'rejected'] as const;
/** One return status. */
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** A return with its RMA number (what the shopper writes on the parcel). */
export interface ReturnRecord {
  id: string;
  rma: string;
  orderId: string;
  reason: string;
  status: ReturnStatus;
  /** What will be (or was) refunded, in minor units. */
  refundMinor: number;
  currency: string;
  createdAt: string;
  updatedAt: string;
  refundedAt: string | null;
}

/** A shipping address given for an order (the newest one is the order's current address). */
export interface ShippingAddress {
  id: string;
  orderId: string;
  customerId: string | null;
  address: string;
  /** ISO 3166-1 alpha-2, when known. */
  country: string | null;
  createdAt: string;
}

/** Delivery methods a shipping zone can offer. */
export const DELIVERY_METHODS = ['standard', 'express', 'tracked'] as const;
/** One delivery method. */
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** The price and time of one delivery method in a zone. */
export interface ShippingRate {
  method: DeliveryMethod;
  priceMinor: number;
  currency: string;
  minDays: number;
  maxDays: number;
  /** Orders at or above this total ship free with this method; null when never free. */
  freeOverMinor: number | null;
}

/** Countries that share shipping rates. */
export interface ShippingZone {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
  /** The zone for every country no other zone names. */
  isDefault: boolean;
  rates: ShippingRate[];
}

/** Payment methods a shop can accept. */
export const PAYMENT_METHODS = ['card', 'paypal', 'apple_pay', 'google_pay', 'bank_transfer', 'alipay', 'wechat_pay'] as const;
/** One payment method. */
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** What happened to a payment. */
export const PAYMENT_STATUSES = ['authorised', 'captured', 'failed', 'refunded'] as const;
/** One payment status. */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Why a payment failed, in the shop's terms. */
export const PAYMENT_FAILURES = ['declined', 'insufficient_funds', 'expired_card', 'authentication_failed', 'processing_error'] as const;
/** One failure reason. */
export type PaymentFailure = (typeof PAYMENT_FAILURES)[number];

/** One payment attempt on an order. */
export interface PaymentRecord {
  id: string;
  orderId: string;
  method: PaymentMethod;
  status: PaymentStatus;
  amountMinor: number;
  currency: string;
  failureReason: PaymentFailure | null;
  at: string;
}

/** The shop's rules the bot explains and applies. */
export interface ShopPolicies {
  /** Days after delivery (or after the order, when never delivered) a return can be started. */
  returnWindowDays: number;
  /** Working days a refund takes once the return arrives. */
  refundProcessingDays: number;
  /** Whether the shop pays for return postage. */
  freeReturns: boolean;
  paymentMethods: PaymentMethod[];
  /** Discount codes allowed on one order. */
  couponsPerOrder: number;
}

/** Who changed something: the bot in a conversation, the shop integration, a webhook, the CLI. */
export interface AuditEntry {
  id: number;
  at: string;
  /** e.g. `bot:conv_123`, `shop-api`, `order-events`, `cli`. */
  actor: string;
  /** e.g. `order.cancel`, `order.address`, `return.create`, `invoice.resend`. */
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Events a shop sends about its orders. */
export const ORDER_EVENT_TYPES = ['paid', 'shipped', 'delivered', 'refunded'] as const;
/** One order event type. */
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

/** Outside channels whose users are linked to shop sessions (the widget's sessions are its own). */
export type ExternalChannel = Exclude<Channel, 'widget'>;

/** An outside channel's user, linked to the shop session that stands for them. */
export interface ChannelLink {
  channel: ExternalChannel;
  /** The channel's own key for the user in one conversation. */
  externalKey: string;
  sessionId: string;
  /** What the channel needs to write to the user later (a Bot Framework ConversationReference, the shop's ids). */
  reference: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** Where a webhook delivery is: waiting (maybe retrying), delivered, or given up on (dead letter). */
export const OUTBOX_STATUSES = ['pending', 'delivered', 'dead'] as const;
/** One outbox status. */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** A message queued for the shop's webhook callback. */
export interface OutboxDelivery {
  seq: number;
  id: string;
  conversationId: string;
  messageId: string;
  /** The JSON body, signed as sent. */
  body: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a coupon decision did with a shopper (issue 6): a coupon, or none as the comparison group. */
export const OFFER_ACTIONS = ['offer', 'hold-out'] as const;
/** One of {@link OFFER_ACTIONS}. */
export type OfferAction = (typeof OFFER_ACTIONS)[number];

/** One stored offer or hold-out decision; it starts the shopper's frequency-cap period. */
export interface OfferDecisionRecord {
  id: string;
  /** `customer:<id>` for a known customer, else `session:<id>`: who the frequency cap counts. */
  shopperKey: string;
  sessionId: string;
  customerId: string | null;
  conversationId: string | null;
  action: OfferAction;
  segment: string;
  pPurchase: number;
  discountPercent: number;
  /** Discount committed against the day's budget (0 for hold-outs), minor units. */
  costMinor: number;
  /** The shop's calendar day (YYYY-MM-DD) whose budget paid for it. */
  budgetDay: string;
  at: string;
}

/** A single-use coupon issued with an offer. */
export interface Coupon {
  code: string;
  decisionId: string;
  sessionId: string;
  customerId: string | null;
  percentOff: number;
  createdAt: string;
  expiresAt: string;
  redeemedAt: string | null;
  orderId: string | null;
  /** Value of the order that redeemed it, minor units. */
  orderValueMinor: number | null;
}
