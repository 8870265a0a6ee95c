import type { Activity } from 'botbuilder';
import type { StoredMessage } from '../../../store';
import type { ChatMessage, CouponOffer, ProductCard } from './events';

/** Content type of the attachment that carries product cards in an Activity. */
export const PRODUCT_CARDS_CONTENT_TYPE = 'application/vnd.shopkeep.product-cards+json';
/** Content type of the attachment that carries a coupon in an Activity. */
export const COUPON_CONTENT_TYPE = 'application/vnd.shopkeep.coupon+json';

/** The structured extras of an outgoing Activity, as stored beside the message text. */
export function payloadOf(activity: Partial<Activity>): Record<string, unknown> | undefined {
  const payload: Record<string, unknown> = {};
  const quickReplies = (activity.suggestedActions?.actions ?? [])
    .map((a) => String(a.value ?? a.title ?? ''))
    .filter((v) => v.length > 0);
  if (quickReplies.length) payload.quickReplies = quickReplies;
  for (const attachment of activity.attachments ?? []) {
    if (attachment.contentType === PRODUCT_CARDS_CONTENT_TYPE) payload.cards = attachment.content as ProductCard[];
    if (attachment.contentType === COUPON_CONTENT_TYPE) payload.coupon = attachment.content as CouponOffer;
  }
  return Object.keys(payload).length ? payload : undefined;
}

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
