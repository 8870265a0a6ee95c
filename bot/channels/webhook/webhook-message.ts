import { z } from 'zod';
import type { StoredMessage } from '../../../store';
import { toChatMessage } from '../socket/chat-message';
import type { ChatMessage } from '../socket/events';

const id = z.string().min(1).max(200);

/** The body of an inbound `POST /api/webhook/messages` (JSON). */
export const INBOUND_WEBHOOK_MESSAGE = z.object({
  /** The shop's id for the message: a second message with the same id is refused (409). */
  id,
  /** The shop's id for its conversation with the user. */
  conversationId: id,
  /** The shop's id for the user. */
  userId: id,
  text: z.string().trim().min(1).max(4000),
  /** `en` or `zh` (a region suffix is fine). @default 'en' */
  locale: z.string().max(32).optional(),
});

/** An inbound webhook message as validated. */
export type InboundWebhookMessage = z.infer<typeof INBOUND_WEBHOOK_MESSAGE>;

/** How the shop's ids are kept for replies (the link's reference). */
export const WEBHOOK_REFERENCE = z.object({ conversationId: id, userId: id });

/** The shop's ids of a linked webhook user. */
export type WebhookReference = z.infer<typeof WEBHOOK_REFERENCE>;

/** The JSON body Shopkeep posts to the shop's callback for each bot or agent message. */
export interface OutboundWebhookMessage extends Omit<ChatMessage, 'clientId'> {
  type: 'message';
  conversationId: string;
  userId: string;
}

/** The callback body of a stored message to a webhook user. */
export function outboundBody(reference: WebhookReference, message: StoredMessage): OutboundWebhookMessage {
  const { clientId: _ignored, ...chat } = toChatMessage(message);
  return { type: 'message', conversationId: reference.conversationId, userId: reference.userId, ...chat };
}
