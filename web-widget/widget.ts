import type { ChatMessage } from '../server/events';
import { Conversation } from './conversation';
import { ShopperConnection } from './connection';
import { uiStrings } from './i18n';
import { parseChatMessage, parseHistory } from './protocol';
import type { WidgetSettings } from './settings';
import { localValue, UnsentStore } from './storage';
import type { Tracker } from './tracker';
import { WidgetView } from './view';

/** A typing indicator the server forgot to clear disappears after this long. */
const TYPING_TIMEOUT_MS = 15_000;

/** What the widget takes from its surroundings, injectable for tests. */
export interface WidgetDeps {
  newClientId: () => string;
  now: () => Date;
  tracker: Tracker;
  /** Told the session id each time the server confirms it. */
  onSession: (sessionId: string) => void;
}

/**
 * One mounted chat widget: the conversation state, its view and its connection, wired together.
 * Outgoing messages go out only on a live connection; the ones still pending are sent again after
 * each reconnect, once the server's history shows which of them it already stored.
 */
export class ShopkeepWidget {
  private readonly conversation: Conversation;
  private readonly view: WidgetView;
  private readonly connection: ShopperConnection;
  private readonly inFlight = new Set<string>();
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Off while restoring history: old messages are not news, so they raise no unread badge. */
  private announce = true;
  /** What the server was last told about the shopper typing: one event per change, not per key. */
  private typingReported = false;

  constructor(settings: WidgetSettings, deps: WidgetDeps) {
    const strings = uiStrings(settings.locale);
    this.conversation = new Conversation({ newClientId: deps.newClientId, now: deps.now });
    const context = {
      strings,
      locale: settings.locale,
      server: settings.server,
      onRetry: (clientId: string) => this.retry(clientId),
      // async: without a secure context `navigator.clipboard` is undefined, and that should reject.
      onCopy: async (code: string) => navigator.clipboard.writeText(code),
    };
    this.view = new WidgetView(settings, strings, context, {
      onSend: (text) => this.send(text),
      onTyping: (typing) => this.reportTyping(typing),
    });
    this.view.setConnection('connecting');
    document.body.append(this.view.host);
    const unsent = new UnsentStore(localValue(`shopkeep:unsent:${settings.server}`));
    this.conversation.adoptUnsent(unsent.load());
    this.conversation.subscribe(() => {
      this.view.render(this.conversation.list(), this.announce);
      unsent.save(this.conversation.unsent());
    });
    this.view.render(this.conversation.list(), false);
    const session = localValue(`shopkeep:session:${settings.server}`);
    this.connection = new ShopperConnection(settings.server, settings.locale, session, {
      onState: (state) => this.view.setConnection(state),
      onSession: deps.onSession,
      onHistory: (messages) => this.restore(messages),
      onMessage: (message) => this.receive(message),
      onTyping: (role, typing) => this.setTyping(typing ? role : undefined),
    });
    deps.tracker.connect((event) => this.connection.track(event));
  }

  /** Show the chat panel. */
  open(): void {
    this.view.open();
  }

  /** Hide the chat panel. */
  close(): void {
    this.view.close();
  }

  /** Send a message as the shopper (what the composer and quick replies call). */
  send(text: string): void {
    const entry = this.conversation.addOutgoing(text);
    this.deliver(entry.message.clientId ?? '', text);
  }

  private reportTyping(typing: boolean): void {
    if (typing === this.typingReported) return;
    this.typingReported = typing;
    this.connection.typing(typing);
  }

  private retry(clientId: string): void {
    const entry = this.conversation.retry(clientId);
    if (entry !== undefined) this.deliver(clientId, entry.message.text);
  }

  private deliver(clientId: string, text: string): void {
    if (!this.connection.connected || this.inFlight.has(clientId)) return;
    this.inFlight.add(clientId);
    void this.connection.send(clientId, text).then((ack) => {
      this.inFlight.delete(clientId);
      // No ack and no connection: it stays pending and goes out again after the reconnect.
      if (ack === undefined && !this.connection.connected) return;
      this.conversation.acknowledge(clientId, ack ?? { ok: false, error: 'timeout' });
    });
  }

  private restore(messages: ChatMessage[]): void {
    this.announce = false;
    this.conversation.restore(parseHistory(messages));
    this.announce = true;
    for (const entry of this.conversation.pending()) this.deliver(entry.message.clientId ?? '', entry.message.text);
  }

  private receive(raw: unknown): void {
    const message = parseChatMessage(raw);
    if (message === undefined) return;
    if (message.role === 'bot' || message.role === 'agent') this.setTyping(undefined);
    this.conversation.receive(message);
  }

  private setTyping(role: 'bot' | 'agent' | undefined): void {
    clearTimeout(this.typingTimer);
    this.view.setTyping(role);
    if (role !== undefined) this.typingTimer = setTimeout(() => this.view.setTyping(undefined), TYPING_TIMEOUT_MS);
  }
}
