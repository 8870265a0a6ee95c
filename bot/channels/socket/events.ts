/**
 * The `/shopper` Socket.IO protocol, shared by the server and the widget (type-only imports on
 * the widget side). Payloads are still validated with zod on the server.
 */

/** Who wrote a message. `shopper` only appears in history; live messages from the server are the others. */
export type MessageRole = 'shopper' | 'bot' | 'agent' | 'system';

/** A product shown as a card under a bot message. */
export interface ProductCard {
  id: string;
  name: string;
  price: number;
  currency: string;
  url: string;
  imageUrl?: string;
  /** Why the bot suggests it, e.g. "customers who bought X also bought this". */
  reason?: string;
}

/** A coupon offered in chat. */
export interface CouponOffer {
  code: string;
  /** Percent off, e.g. 10 for 10%. */
  percentOff: number;
  /** ISO 8601 time the code stops working. */
  expiresAt: string;
}

/** A message as the widget shows it. */
export interface ChatMessage {
  id: string;
  role: MessageRole;
  text: string;
  /** ISO 8601. */
  createdAt: string;
  /** Tappable answers the shopper can send as their next message. */
  quickReplies?: string[];
  cards?: ProductCard[];
  coupon?: CouponOffer;
  /** For shopper messages: the client id the widget sent it with. */
  clientId?: string;
}

/** Sent once after connecting. */
export interface SessionInfo {
  sessionId: string;
  conversationId: string;
}

/** A shopper's behaviour event from the page tracker. */
export interface TrackPayload {
  type: 'page_view' | 'product_view' | 'add_to_cart' | 'remove_from_cart' | 'purchase';
  /** Page type in the sense of the Online Shoppers data. @default 'product' for product events */
  pageType?: 'administrative' | 'informational' | 'product';
  productId?: string;
  url?: string;
  quantity?: number;
}

/** The ack of `message` and `track`. */
export type Ack = { ok: true; id: string } | { ok: false; error: string };

/** What the widget may emit. */
export interface ClientToServerEvents {
  message: (payload: { clientId: string; text: string }, ack: (result: Ack) => void) => void;
  track: (payload: TrackPayload, ack?: (result: Ack) => void) => void;
  typing: (payload: { typing: boolean }) => void;
}

/** What the server emits to the widget. */
export interface ServerToClientEvents {
  session: (info: SessionInfo) => void;
  history: (messages: ChatMessage[]) => void;
  message: (message: ChatMessage) => void;
  typing: (payload: { role: 'bot' | 'agent'; typing: boolean }) => void;
}

/** The handshake `auth` object of the widget. */
export interface ShopperAuth {
  sessionId?: string;
  locale?: string;
}
