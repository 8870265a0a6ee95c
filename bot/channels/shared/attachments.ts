import { ActivityTypes, type Activity, type Attachment } from 'botbuilder';
import type { StoredMessage } from '../../../store';
import type { CouponOffer, ProductCard } from '../socket/events';

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

function attachmentsOf(payload: Record<string, unknown>): Attachment[] {
  const attachments: Attachment[] = [];
  if (Array.isArray(payload.cards)) attachments.push({ contentType: PRODUCT_CARDS_CONTENT_TYPE, content: payload.cards });
  if (payload.coupon) attachments.push({ contentType: COUPON_CONTENT_TYPE, content: payload.coupon });
  return attachments;
}

/**
 * A stored message (an agent's reply, a notice) as an outgoing Activity: the inverse of
 * {@link payloadOf}, so any channel can carry what the widget shows.
 */
export function activityOfMessage(message: StoredMessage): Partial<Activity> {
  const payload = message.payload ?? {};
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text: message.text };
  if (Array.isArray(payload.quickReplies)) {
    const values = payload.quickReplies.map(String);
    activity.suggestedActions = { to: [], actions: values.map((v) => ({ type: 'imBack', title: v, value: v })) };
  }
  const attachments = attachmentsOf(payload);
  if (attachments.length) activity.attachments = attachments;
  return activity;
}
