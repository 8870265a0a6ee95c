import type { StoredMessage } from '../../../store';
import type { ChatMessage, CouponOffer, ProductCard } from './events';

// The content types and payload reading are shared by every channel; re-exported for old imports.
export { PRODUCT_CARDS_CONTENT_TYPE, COUPON_CONTENT_TYPE, payloadOf } from '../shared/attachments';

/** A stored message as the widget shows it. */
export function toChatMessage(message: StoredMessage): ChatMessage {
  const chat: ChatMessage = { id: message.id, role: message.role, text: message.text, createdAt: message.createdAt };
  if (message.clientId) chat.clientId = message.clientId;
  const payload = message.payload ?? {};
  if (Array.isArray(payload.quickReplies)) chat.quickReplies = payload.quickReplies as string[];
  if (Array.isArray(payload.cards)) chat.cards = payload.cards as ProductCard[];
  if (payload.coupon) chat.coupon = payload.coupon as CouponOffer;
  return chat;
}
