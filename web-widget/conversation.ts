import type { Ack, ChatMessage } from '../server/events';
import type { UnsentMessage } from './storage';

/** Delivery state of a message the shopper wrote in this page. */
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** One line of the conversation as the widget shows it. */
export interface ConversationEntry {
  message: ChatMessage;
  /** Only for the shopper's own messages; server messages are always `sent`. */
  status: DeliveryStatus;
  /** Why the server refused it, for `failed`. */
  error?: string;
}

/** What the widget needs to create outgoing messages: ids and time are injected for tests. */
export interface ConversationDeps {
  newClientId: () => string;
  now: () => Date;
}

/**
 * The shopper's conversation in memory: server messages deduplicated by id, outgoing messages
 * tracked by `clientId` from pending to sent or failed. A retry reuses the `clientId`, so the
 * server (idempotent on it) stores the message once however often it is sent.
 */
export class Conversation {
  private entries: ConversationEntry[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: ConversationDeps) {}

  /** The entries in display order. */
  list(): readonly ConversationEntry[] {
    return this.entries;
  }

  /** Call `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Add a message the shopper just wrote, as pending. */
  addOutgoing(text: string): ConversationEntry {
    const clientId = this.deps.newClientId();
    const entry: ConversationEntry = {
      message: { id: `local:${clientId}`, clientId, role: 'shopper', text, createdAt: this.deps.now().toISOString() },
      status: 'pending',
    };
    this.entries = [...this.entries, entry];
    this.emit();
    return entry;
  }

  /** Bring back messages written before a reload that the server had not acknowledged. */
  adoptUnsent(messages: readonly UnsentMessage[]): void {
    const known = new Set(this.entries.map((entry) => entry.message.clientId));
    const adopted = messages
      .filter((message) => !known.has(message.clientId))
      .map((message): ConversationEntry => ({
        message: { id: `local:${message.clientId}`, clientId: message.clientId, role: 'shopper', text: message.text, createdAt: message.createdAt },
        status: message.status,
      }));
    if (adopted.length === 0) return;
    this.entries = [...this.entries, ...adopted];
    this.emit();
  }

  /** Outgoing messages without a positive ack, for saving across a reload. */
  unsent(): UnsentMessage[] {
    return this.entries.flatMap((entry) => {
      const { clientId, text, createdAt } = entry.message;
      if (entry.status === 'sent' || clientId === undefined) return [];
      return [{ clientId, text, createdAt, status: entry.status }];
    });
  }

  /** Outgoing messages still waiting for an ack, oldest first: what to send after reconnecting. */
  pending(): ConversationEntry[] {
    return this.entries.filter((entry) => entry.status === 'pending');
  }

  /** Put a failed message back to pending before resending it. */
  retry(clientId: string): ConversationEntry | undefined {
    const entry = this.findByClientId(clientId);
    if (entry === undefined || entry.status !== 'failed') return undefined;
    this.replace(entry, { message: entry.message, status: 'pending' });
    return this.findByClientId(clientId);
  }

  /** Apply the server's ack of an outgoing message. */
  acknowledge(clientId: string, ack: Ack): void {
    const entry = this.findByClientId(clientId);
    if (entry === undefined) return;
    if (ack.ok) this.replace(entry, { message: { ...entry.message, id: ack.id }, status: 'sent' });
    else this.replace(entry, { message: entry.message, status: 'failed', error: ack.error });
  }

  /** Add a message from the server (bot, agent, system), once. */
  receive(message: ChatMessage): void {
    if (this.entries.some((entry) => entry.message.id === message.id)) return;
    this.entries = [...this.entries, { message, status: 'sent' }];
    this.emit();
  }

  /**
   * Replace what is shown with the server's history, keeping this page's outgoing messages that
   * the server has not stored yet (matched by `clientId`) at the end, in their order.
   */
  restore(history: readonly ChatMessage[]): void {
    const stored = new Set(history.map((message) => message.clientId).filter((id) => id !== undefined));
    const unsent = this.entries.filter(
      (entry) => entry.status !== 'sent' && entry.message.clientId !== undefined && !stored.has(entry.message.clientId),
    );
    this.entries = [...history.map((message): ConversationEntry => ({ message, status: 'sent' })), ...unsent];
    this.emit();
  }

  private findByClientId(clientId: string): ConversationEntry | undefined {
    return this.entries.find((entry) => entry.message.clientId === clientId && entry.message.role === 'shopper');
  }

  private replace(previous: ConversationEntry, next: ConversationEntry): void {
    this.entries = this.entries.map((entry) => (entry === previous ? next : entry));
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
