import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { Conversation, Store, StoredMessage } from '../../../store';
import { shopperActivity } from '../shared/activities';
import { persistReplies, storedReplyOf } from '../shared/turn-pipeline';
import { humansOwnConversation } from '../../handoff/handoff-hook';
import { toChatMessage } from './chat-message';
import type { ChatMessage } from './events';

export { WIDGET_CHANNEL_ID, BOT_ACCOUNT, shopperActivity } from '../shared/activities';

/** A turn still running after this long shows the shopper that the bot is typing. */
const TYPING_DELAY_MS = 400;

/** Where the adapter delivers what the bot says: the server wires it to the socket room. */
export interface ShopperOutbox {
  deliver(conversationId: string, message: ChatMessage): void;
  typing(conversationId: string, typing: boolean): void;
}

/**
 * The widget channel as a botbuilder adapter: a stored shopper message becomes an Activity and
 * runs a turn; every message the bot sends is stored first (by the shared pipeline's reply
 * persistence), then delivered to the widget.
 */
export class ShopperSocketAdapter extends BotAdapter {
  constructor(
    private readonly store: Store,
    private readonly outbox: ShopperOutbox,
  ) {
    super();
  }

  /** Runs one bot turn for a stored shopper message. */
  async processMessage(conversation: Conversation, message: StoredMessage, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, shopperActivity(conversation, message));
    let typing = false;
    // "Typing" only for a turn that is slow to answer: most answer within milliseconds, where it
    // would be two packets per turn for nothing. While a person owns (or is about to own) the
    // conversation the bot stays silent: no "typing" then.
    const timer = setTimeout(() => {
      typing = !humansOwnConversation(this.store, conversation.id);
      if (typing) this.outbox.typing(conversation.id, true);
    }, TYPING_DELAY_MS);
    try {
      await this.runMiddleware(context, logic);
    } finally {
      clearTimeout(timer);
      if (typing) this.outbox.typing(conversation.id, false);
    }
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    const conversationId = context.activity.conversation.id;
    for (const activity of activities) {
      if (activity.type === ActivityTypes.Typing) {
        this.outbox.typing(conversationId, true);
        responses.push({ id: '' });
        continue;
      }
      if (activity.type !== ActivityTypes.Message) {
        responses.push({ id: '' });
        continue;
      }
      const message = storedReplyOf(activity);
      if (!message) throw new Error('a widget reply must be stored before it is sent (persistReplies)');
      this.outbox.deliver(conversationId, toChatMessage(message));
      responses.push({ id: message.id });
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('the widget channel does not edit sent messages');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('the widget channel does not delete sent messages');
  }

  /** Proactive messages (an agent's reply, a coupon offer) into a stored conversation. */
  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    const conversationId = reference.conversation?.id;
    if (!conversationId) throw new Error('a conversation reference needs the conversation id');
    const context = new TurnContext(this, activity);
    persistReplies(context, this.store, conversationId);
    await this.runMiddleware(context, logic);
  }
}
