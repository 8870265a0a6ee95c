import type { ActivityHandler } from 'botbuilder';
import type { Conversation, ShopperSession, Store, StoredMessage } from '../../../store';
import { TurnPipeline, type TurnErrorReporter } from '../shared/turn-pipeline';
import { toChatMessage } from './chat-message';
import type { ChatMessage } from './events';
import { ShopperSocketAdapter, type ShopperOutbox } from './shopper-adapter';

/** A shopper's session and open conversation, as the widget resumes them. */
export interface ShopperConnection {
  session: ShopperSession;
  conversation: Conversation;
  history: ChatMessage[];
}

export type { TurnErrorReporter } from '../shared/turn-pipeline';

/** How many past messages a reconnecting widget is sent. */
const HISTORY_LIMIT = 200;
/** Conversations kept at hand for the turns of their messages (the least recently used go first). */
const KNOWN_CONVERSATIONS = 10_000;

/**
 * The widget channel's service: resumes or starts sessions, stores shopper messages durably
 * before they are acknowledged, and runs the bot's turns one at a time per conversation.
 * Socket.IO specifics stay in `server/`; this knows only the store and the bot.
 */
export class ShopperChannel {
  private readonly adapter: ShopperSocketAdapter;
  /**
   * Widgets' conversations by id, so a message does not read its conversation again: what a turn
   * takes from it (id, session, channel, locale) never changes. One deleted meanwhile (privacy,
   * retention) still fails at the message's insert, as it did at the read.
   */
  private readonly known = new Map<string, Conversation>();
  /** The turn pipeline; pass the one the other channels use so all turns share one queue. */
  readonly pipeline: TurnPipeline;

  constructor(
    private readonly store: Store,
    bot: ActivityHandler,
    outbox: ShopperOutbox,
    private readonly onTurnError: TurnErrorReporter,
    pipeline?: TurnPipeline,
  ) {
    this.pipeline = pipeline ?? new TurnPipeline(store, bot);
    this.adapter = new ShopperSocketAdapter(store, outbox);
    this.adapter.onTurnError = async (_context, err) => onTurnError(err, _context.activity.conversation.id);
  }

  /** Resumes the session (or starts a new one when the id is missing or unknown). */
  connect(sessionId: string | undefined, locale: string): ShopperConnection {
    let session = sessionId ? this.store.sessions.findById(sessionId) : undefined;
    if (session) this.store.sessions.touch(session.id);
    else session = this.store.sessions.create(locale);
    const conversation = this.store.conversations.openForSession(session.id, 'widget', session.locale);
    const history = this.store.conversations.messages(conversation.id, HISTORY_LIMIT).map(toChatMessage);
    this.remember(conversation);
    return { session, conversation, history };
  }

  /**
   * Runs the turns of shopper messages that were stored but never answered (the server stopped
   * between the ack and the turn). Widget conversations only; call once at start.
   *
   * @param sinceIso only messages stored after this time (older ones are stale to answer now)
   * @returns how many turns were queued
   */
  resumeUnanswered(sinceIso: string): number {
    const unanswered = this.pipeline.unanswered('widget', sinceIso);
    for (const { conversation, message } of unanswered) this.queueTurn(conversation, message);
    return unanswered.length;
  }

  /**
   * Stores a shopper message (committed when this resolves, so the caller may acknowledge it;
   * messages arriving together share one commit) and queues the bot's turn. A repeat of a
   * `clientId` resolves with the stored copy and runs no turn.
   */
  async receive(conversationId: string, clientId: string, text: string): Promise<{ message: ChatMessage; created: boolean }> {
    const conversation = this.known.get(conversationId) ?? this.store.conversations.findById(conversationId);
    if (!conversation) throw new Error(`unknown conversation ${conversationId}`);
    this.remember(conversation);
    const { message, created } = await this.pipeline.storeShopperMessageSoon(conversationId, text, clientId);
    if (created) this.queueTurn(conversation, message);
    return { message: toChatMessage(message), created };
  }

  private remember(conversation: Conversation): void {
    this.known.delete(conversation.id);
    this.known.set(conversation.id, conversation);
    if (this.known.size > KNOWN_CONVERSATIONS) this.known.delete(this.known.keys().next().value as string);
  }

  private queueTurn(conversation: Conversation, message: StoredMessage): void {
    this.pipeline
      .queue(conversation.id, () => this.adapter.processMessage(conversation, message, this.pipeline.turnLogic(conversation, message)))
      .catch((err: unknown) => this.onTurnError(err, conversation.id));
  }

  /** Waits for the turns under way (graceful shutdown). */
  drain(): Promise<void> {
    return this.pipeline.drain();
  }
}
