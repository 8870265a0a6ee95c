import { ActivityTypes, type Activity, type ActivityHandler, type TurnContext } from 'botbuilder';
import type { Channel, Conversation, Store, StoredMessage } from '../../../store';
import { KeyedQueue } from '../../keyed-queue';
import { payloadOf } from './attachments';

/** Reports turn failures (the server passes its logger). */
export type TurnErrorReporter = (err: unknown, conversationId: string) => void;

// Set by the reply persistence, read by the adapter that sends the same Activity object.
const storedReplies = new WeakMap<Partial<Activity>, StoredMessage>();

/** The stored bot message of an outgoing Activity of a pipeline turn (for channels that show store ids). */
export function storedReplyOf(activity: Partial<Activity>): StoredMessage | undefined {
  return storedReplies.get(activity);
}

/**
 * Stores every message the bot sends in this context as a bot message of the conversation,
 * before the channel sends it: the transcript never misses a reply a shopper saw.
 */
export function persistReplies(context: TurnContext, store: Store, conversationId: string): void {
  context.onSendActivities(async (_context, activities, next) => {
    for (const activity of activities) {
      if (activity.type !== ActivityTypes.Message) continue;
      const payload = payloadOf(activity);
      const { message } = store.conversations.appendMessage({ conversationId, role: 'bot', text: activity.text ?? '', payload });
      storedReplies.set(activity, message);
    }
    return next();
  });
}

/**
 * Makes the turn speak the store's ids (the bot annotates `activity.id`, the hooks key on
 * `activity.conversation.id`) while what goes back out still carries the channel's own ids.
 */
function bindStoreIds(context: TurnContext, conversation: Conversation, message: StoredMessage): void {
  const channelConversation = context.activity.conversation;
  const channelActivityId = context.activity.id;
  if (channelConversation.id === conversation.id && channelActivityId === message.id) return;
  context.activity.id = message.id;
  context.activity.conversation = { ...channelConversation, id: conversation.id };
  context.onSendActivities(async (_context, activities, next) => {
    for (const activity of activities) {
      activity.conversation = channelConversation;
      if (activity.replyToId === message.id) activity.replyToId = channelActivityId;
    }
    return next();
  });
}

/**
 * The one turn pipeline of every channel (widget socket, Bot Framework, webhook): the shopper's
 * message is stored before its turn, turns of one conversation run one at a time, the bot
 * reads and annotates the stored message, and every reply is stored before it is sent.
 *
 * @example
 * const { message, created } = pipeline.storeShopperMessage(conversation.id, text, clientId);
 * if (created) await pipeline.queue(conversation.id, () => adapter.run(pipeline.turnLogic(conversation, message)));
 */
export class TurnPipeline {
  private readonly turns = new KeyedQueue();

  constructor(
    private readonly store: Store,
    private readonly bot: ActivityHandler,
  ) {}

  /**
   * Stores a shopper message durably (committed when this returns). A repeat of `clientId` in
   * the conversation returns the stored copy with `created: false`: run no turn for it.
   */
  storeShopperMessage(conversationId: string, text: string, clientId?: string): { message: StoredMessage; created: boolean } {
    return this.store.conversations.appendMessage({ conversationId, role: 'shopper', text, clientId });
  }

  /**
   * Shopper messages of a channel stored but never answered (no NLU reading: the server stopped
   * between storing and the turn), oldest first, with their conversations.
   * @param sinceIso only messages stored after this time (older ones are stale to answer now)
   */
  unanswered(channel: Channel, sinceIso: string): Array<{ conversation: Conversation; message: StoredMessage }> {
    const found: Array<{ conversation: Conversation; message: StoredMessage }> = [];
    for (const message of this.store.conversations.unansweredShopperMessages(sinceIso)) {
      const conversation = this.store.conversations.findById(message.conversationId);
      if (conversation?.channel === channel) found.push({ conversation, message });
    }
    return found;
  }

  /** Runs `task` after the conversation's earlier turns (and before its later ones). */
  queue<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    return this.turns.run(conversationId, task);
  }

  /**
   * The bot's logic for the turn of a stored message, for any adapter's context.
   * @param forChannel reshapes each outgoing Activity for the channel after it was stored
   *   (e.g. the shop's product cards as Bot Framework hero cards)
   */
  turnLogic(
    conversation: Conversation,
    message: StoredMessage,
    forChannel?: (activity: Partial<Activity>) => void,
  ): (context: TurnContext) => Promise<void> {
    return async (context) => {
      bindStoreIds(context, conversation, message);
      persistReplies(context, this.store, conversation.id);
      if (forChannel) {
        context.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) forChannel(activity);
          return next();
        });
      }
      await this.bot.run(context);
    };
  }

  /** Waits for the turns under way (graceful shutdown). */
  drain(): Promise<void> {
    return this.turns.drain();
  }
}
