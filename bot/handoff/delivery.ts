import type { Channel, Conversation, MessageRole, Store, StoredMessage } from '../../store';

/** Sends one stored message to the shopper over one channel (widget socket, Bot Framework, webhook). */
export interface ChannelSender {
  send(conversation: Conversation, message: StoredMessage): void;
  /** Shows or hides "agent is typing" where the channel can. */
  typing?(conversation: Conversation, typing: boolean): void;
}

/** What a proactive message carries besides its text. */
export interface OutgoingMessage {
  role: Exclude<MessageRole, 'shopper'>;
  text: string;
  payload?: Record<string, unknown>;
}

/**
 * Messages to shoppers outside a bot turn (an agent's reply, the CSAT question): each is
 * stored first, like bot replies, then handed to the sender registered for the conversation's
 * channel. A channel without a sender still has the message in its stored history.
 *
 * @example
 * delivery.register('widget', { send: (c, m) => nsp.to(room(c.id)).emit('message', toChatMessage(m)) });
 */
export class ConversationDelivery {
  private readonly senders = new Map<Channel, ChannelSender>();

  constructor(private readonly store: Store) {}

  /** Sets the sender of a channel (one per channel; a later one replaces it). */
  register(channel: Channel, sender: ChannelSender): void {
    this.senders.set(channel, sender);
  }

  /** Stores the message, then sends it on the conversation's channel. */
  post(conversationId: string, message: OutgoingMessage): StoredMessage {
    const conversation = this.store.conversations.findById(conversationId);
    if (!conversation) throw new Error(`unknown conversation ${conversationId}`);
    const { message: stored } = this.store.conversations.appendMessage({ conversationId, ...message });
    this.senders.get(conversation.channel)?.send(conversation, stored);
    return stored;
  }

  /** Passes an agent's typing state to the shopper's channel. */
  typing(conversationId: string, typing: boolean): void {
    const conversation = this.store.conversations.findById(conversationId);
    if (conversation) this.senders.get(conversation.channel)?.typing?.(conversation, typing);
  }
}
