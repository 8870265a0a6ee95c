import * as z from 'zod/mini';
import type { ChatMessage } from '../server/events';

/** Bounds that keep a misbehaving server from flooding the panel. */
const MAX_TEXT = 20_000;
const MAX_ITEMS = 12;

const productCardSchema = z.object({
  id: z.string(),
  name: z.string(),
  price: z.number(),
  currency: z.string(),
  url: z.string(),
  imageUrl: z.optional(z.string()),
  reason: z.optional(z.string()),
});

const chatMessageSchema = z.object({
  id: z.string().check(z.minLength(1)),
  role: z.enum(['shopper', 'bot', 'agent', 'system']),
  text: z.string().check(z.maxLength(MAX_TEXT)),
  createdAt: z.string(),
  quickReplies: z.optional(z.array(z.string()).check(z.maxLength(MAX_ITEMS))),
  cards: z.optional(z.array(productCardSchema).check(z.maxLength(MAX_ITEMS))),
  coupon: z.optional(z.object({ code: z.string(), percentOff: z.number(), expiresAt: z.string() })),
  clientId: z.optional(z.string()),
});

/**
 * Check a message from the server before rendering it. The widget trusts the types only after
 * this: a malformed message is dropped rather than breaking the panel.
 * @returns the message, or undefined when it does not match the protocol
 */
export function parseChatMessage(value: unknown): ChatMessage | undefined {
  const result = chatMessageSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** Parse a `history` payload, dropping malformed entries. */
export function parseHistory(value: unknown): ChatMessage[] {
  if (!Array.isArray(value)) return [];
  return value.map(parseChatMessage).filter((message): message is ChatMessage => message !== undefined);
}
