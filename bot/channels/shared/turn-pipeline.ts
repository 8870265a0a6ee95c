import { ActivityTypes, type Activity, type ActivityHandler, type TurnContext } from 'botbuilder';
import type { Channel, Conversation, Store, StoredMessage } from '../../../store';
import { KeyedQueue } from '../../keyed-queue';
import { beginTurnWrites, type TurnWrites } from '../../turn-writes';
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
 * before the channel sends it: the transcript never misses a reply a shopper saw. For messages
 * outside a shopper's turn (an agent's reply, an offer); turns stage theirs ({@link stageReplies}).
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
 * In a shopper's turn, every message the bot sends is staged in the turn's writes and its sending
 * (the rest of the send chain: the channel's reshaping, the adapter) waits until they are
 * committed: the shopper never sees a reply the store lacks, and a crash before the commit
 * leaves the message unanswered, to be answered once after the restart.
 */
function stageReplies(context: TurnContext, writes: TurnWrites, conversationId: string): void {
  context.onSendActivities(async (sending, activities, next) => {
    if (!writes.open) return next();
    const responses = activities.map((activity) => {
      if (activity.type !== ActivityTypes.Message) return { id: '' };
      const message = writes.reply({ conversationId, role: 'bot', text: activity.text ?? '', payload: payloadOf(activity) });
      storedReplies.set(activity, message);
      return { id: message.id };
    });
    // Prompts check `responded` to decide whether to ask again; the send itself comes later.
    if (activities.some((a) => a.type !== ActivityTypes.Trace)) sending.responded = true;
    writes.afterCommit(next);
    return responses;
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
 * message is stored before its turn, turns of one conversation run one at a time, and what the
 * turn writes (the NLU reading, replies, dialog state, the turn-done mark) commits in one
 * transaction at its end, before any reply is sent.
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
   * Shopper messages of a channel stored but never answered (no committed turn: the server
   * stopped between storing and the turn's commit), oldest first, with their conversations.
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

  /**
   * Stores a shopper message in the next group commit (see `Store.groupTransaction`): resolves
   * once it is durably committed, with the messages that arrived at the same moment.
   */
  storeShopperMessageSoon(conversationId: string, text: string, clientId?: string): Promise<{ message: StoredMessage; created: boolean }> {
    return this.store.groupTransaction(() => this.storeShopperMessage(conversationId, text, clientId));
  }

  /** Runs `task` after the conversation's earlier turns (and before its later ones). */
  queue<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    return this.turns.run(conversationId, task);
  }

  /**
   * The bot's logic for the turn of a stored message, for any adapter's context.
   * @param forChannel reshapes each outgoing Activity for the channel after it was stored
   *   (e.g. the shop's product cards as Bot Framework hero cards)
   * @param onReplyCommit runs for each reply inside the turn's commit (e.g. a channel's outbox row)
   */
  turnLogic(
    conversation: Conversation,
    message: StoredMessage,
    forChannel?: (activity: Partial<Activity>) => void,
    onReplyCommit?: (reply: StoredMessage) => void,
  ): (context: TurnContext) => Promise<void> {
    return async (context) => {
      bindStoreIds(context, conversation, message);
      const writes = beginTurnWrites(context, this.store, message.id);
      stageReplies(context, writes, conversation.id);
      if (onReplyCommit) writes.onReplyCommit(onReplyCommit);
      if (forChannel) {
        context.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) forChannel(activity);
          return next();
        });
      }
      await runAndCommit(() => this.bot.run(context), writes);
    };
  }

  /** Waits for the turns under way (graceful shutdown). */
  drain(): Promise<void> {
    return this.turns.drain();
  }
}

/**
 * Runs a turn, commits its writes and sends what it said. A turn that fails is done as well (it
 * is not run again after a restart): what it said before failing is kept and sent, then the
 * failure goes on to the adapter's error handler.
 */
async function runAndCommit(turn: () => Promise<void>, writes: TurnWrites): Promise<void> {
  let failure: { err: unknown } | undefined;
  try {
    await turn();
  } catch (err) {
    failure = { err };
  }
  await writes.commit();
  await writes.runAfterCommit();
  if (failure) throw failure.err;
}
