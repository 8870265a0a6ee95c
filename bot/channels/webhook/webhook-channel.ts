import { ActivityTypes, BotAdapter, TurnContext, type Activity, type ResourceResponse } from 'botbuilder';
import type { Conversation, Store, StoredMessage } from '../../../store';
import { linkChannelUser } from '../shared/channel-users';
import { storedReplyOf, type TurnErrorReporter, type TurnPipeline } from '../shared/turn-pipeline';
import { shopperActivity } from '../shared/activities';
import { INBOUND_WEBHOOK_MESSAGE, WEBHOOK_REFERENCE, outboundBody, type InboundWebhookMessage } from './webhook-message';

/** What became of an inbound webhook message (the API maps each to a status). */
export type WebhookReceipt =
  | { kind: 'accepted'; id: string }
  | { kind: 'duplicate'; id: string }
  | { kind: 'invalid'; error: string };

/** Called after a delivery is queued (the worker sends it at once instead of at its next sweep). */
export type OutboxListener = () => void;

/**
 * The adapter of webhook turns: the Activity is built from the stored message. Every reply is
 * queued in the persisted outbox in the turn's own commit (with the reply itself); sending it
 * here only wakes the outbox worker.
 */
class WebhookAdapter extends BotAdapter {
  constructor(private readonly channel: WebhookChannel) {
    super();
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses = activities.map((activity) => {
      const message = activity.type === ActivityTypes.Message ? storedReplyOf(activity) : undefined;
      return { id: message?.id ?? '' };
    });
    if (responses.some((r) => r.id !== '')) this.channel.deliveriesQueued();
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('the webhook channel does not edit sent messages');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('the webhook channel does not delete sent messages');
  }

  async continueConversation(): Promise<void> {
    throw new Error('the webhook channel sends outside turns through WebhookChannel.send');
  }

  run(conversation: Conversation, message: StoredMessage, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    return this.runMiddleware(new TurnContext(this, shopperActivity(conversation, message)), logic);
  }
}

/**
 * The generic webhook channel for a shop's own chat: a verified inbound message is stored (once
 * per message id, ever) before it is acknowledged, its turn runs in the shared pipeline, and
 * replies go to the shop's callback through the outbox.
 */
export class WebhookChannel {
  private readonly adapter = new WebhookAdapter(this);
  private readonly listeners: OutboxListener[] = [];

  constructor(
    private readonly store: Store,
    private readonly pipeline: TurnPipeline,
    private readonly onTurnError: TurnErrorReporter,
  ) {
    this.adapter.onTurnError = async (context, err) => onTurnError(err, context.activity.conversation.id);
  }

  /** Calls `listener` whenever a delivery is queued. */
  onEnqueue(listener: OutboxListener): void {
    this.listeners.push(listener);
  }

  /**
   * Takes a verified request body: stores the message and queues its turn, or refuses it.
   * Nothing is stored for an invalid body or a message id seen before.
   */
  receive(body: unknown): WebhookReceipt {
    const parsed = INBOUND_WEBHOOK_MESSAGE.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { kind: 'invalid', error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` };
    }
    const result = this.store.transaction(() => this.storeOnce(parsed.data));
    if (result.kind === 'duplicate') return result;
    this.queueTurn(result.conversation, result.message);
    return { kind: 'accepted', id: result.message.id };
  }

  private storeOnce(inbound: InboundWebhookMessage): { kind: 'duplicate'; id: string } | { kind: 'stored'; conversation: Conversation; message: StoredMessage } {
    const seen = this.store.channels.receipt(inbound.id);
    if (seen) return { kind: 'duplicate', id: seen };
    const conversation = linkChannelUser(this.store, {
      channel: 'webhook',
      externalKey: JSON.stringify([inbound.conversationId, inbound.userId]),
      locale: inbound.locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en',
      reference: { conversationId: inbound.conversationId, userId: inbound.userId },
    });
    const { message, created } = this.pipeline.storeShopperMessage(conversation.id, inbound.text, inbound.id);
    if (!created) return { kind: 'duplicate', id: message.id };
    this.store.channels.recordReceipt(inbound.id, message.id);
    return { kind: 'stored', conversation, message };
  }

  private queueTurn(conversation: Conversation, message: StoredMessage): void {
    this.pipeline
      .queue(conversation.id, () =>
        this.adapter.run(conversation, message, this.pipeline.turnLogic(conversation, message, undefined, (reply) => this.queueDelivery(conversation.id, reply))),
      )
      .catch((err: unknown) => this.onTurnError(err, conversation.id));
  }

  /**
   * Answers webhook messages stored but never answered (the server stopped before their turn).
   * @returns how many turns were queued
   */
  resumeUnanswered(sinceIso: string): number {
    const unanswered = this.pipeline.unanswered('webhook', sinceIso);
    for (const { conversation, message } of unanswered) this.queueTurn(conversation, message);
    return unanswered.length;
  }

  /** Queues a stored message (a bot reply, an agent's message) for the shop's callback. */
  enqueue(conversationId: string, message: StoredMessage): void {
    this.queueDelivery(conversationId, message);
    this.deliveriesQueued();
  }

  /** Tells the listeners (the outbox worker) that deliveries are waiting. */
  deliveriesQueued(): void {
    for (const listener of this.listeners) listener();
  }

  private queueDelivery(conversationId: string, message: StoredMessage): void {
    const conversation = this.store.conversations.findById(conversationId);
    const link = conversation && this.store.channels.findBySession(conversation.sessionId);
    if (link?.channel !== 'webhook') throw new Error(`conversation ${conversationId} has no webhook user`);
    const body = JSON.stringify(outboundBody(WEBHOOK_REFERENCE.parse(link.reference), message));
    this.store.webhookOutbox.enqueue(conversationId, message.id, body);
  }

  /** Sends a stored message outside a turn (the handoff's delivery calls this). */
  send(conversation: Conversation, message: StoredMessage): void {
    this.enqueue(conversation.id, message);
  }
}
