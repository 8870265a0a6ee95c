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
