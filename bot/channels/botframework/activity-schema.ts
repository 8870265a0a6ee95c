import { z } from 'zod';

const account = z.object({ id: z.string().min(1).max(512), name: z.string().max(512).optional() }).passthrough();

/**
 * What `POST /api/messages` accepts before botbuilder sees it: the fields the channel relies on
 * are present and bounded. Anything else of the Bot Framework schema passes through untouched.
 */
export const BOT_FRAMEWORK_ACTIVITY = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    channelId: z.string().min(1).max(128),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
    conversation: z.object({ id: z.string().min(1).max(512) }).passthrough(),
    from: account,
    recipient: account.optional(),
    text: z.string().max(4000).optional(),
    locale: z.string().max(32).optional(),
    deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
  })
  .passthrough();

/** An inbound Activity as validated. */
export type InboundActivity = z.infer<typeof BOT_FRAMEWORK_ACTIVITY>;
