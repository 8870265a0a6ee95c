import { io, type Socket } from 'socket.io-client';
import type { Ack, ChatMessage, ClientToServerEvents, ServerToClientEvents, ShopperAuth, TrackPayload } from '../server/events';
import type { Locale } from './settings';

/** How long to wait for a message ack on a live connection before offering a retry. */
const ACK_TIMEOUT_MS = 15_000;
/** Retry delays after the server refused or ended the connection (socket.io does not retry those). */
const REFUSED_RETRY_MIN_MS = 1_000;
const REFUSED_RETRY_MAX_MS = 30_000;

/** Connection state as the header shows it. */
export type ConnectionState = 'connecting' | 'online' | 'offline';

/** Callbacks from the server side of the protocol. */
export interface ConnectionHandlers {
  onState: (state: ConnectionState) => void;
  /** After every (re)connect, once the server has sent the open conversation. */
  onHistory: (messages: ChatMessage[]) => void;
  onMessage: (message: ChatMessage) => void;
  onTyping: (role: 'bot' | 'agent', typing: boolean) => void;
  onSession: (sessionId: string) => void;
}

/** Where the session id survives a reload (see `localValue`). */
export interface SessionStore {
  get(): string | undefined;
  set(sessionId: string): void;
}

/** Ids are opaque, but a sane shape keeps junk out of the handshake. */
const SESSION_ID_PATTERN = /^[\w.:-]{1,128}$/;

/**
 * The widget's side of the `/shopper` namespace. Reconnection is socket.io-client's own (with
 * backoff); every handshake sends the stored session id so the server reopens the same conversation.
 */
export class ShopperConnection {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private refusedRetries = 0;
  private closed = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(server: string, locale: Locale, private readonly sessions: SessionStore, handlers: ConnectionHandlers) {
    this.socket = io(`${server}/shopper`, {
      // A function so that each reconnect presents the session id the server gave last time.
      auth: (callback) => callback(this.handshake(locale)),
      withCredentials: false,
    });
    this.socket.on('connect', () => {
      this.refusedRetries = 0;
      handlers.onState('online');
    });
    const lost = (): void => {
      handlers.onState('offline');
      this.retryIfRefused();
    };
    this.socket.on('disconnect', lost);
    this.socket.on('connect_error', lost);
    this.socket.on('session', (info) => {
      if (typeof info?.sessionId !== 'string' || !SESSION_ID_PATTERN.test(info.sessionId)) return;
      this.sessions.set(info.sessionId);
      handlers.onSession(info.sessionId);
    });
    this.socket.on('history', (messages) => handlers.onHistory(Array.isArray(messages) ? messages : []));
    this.socket.on('message', (message) => handlers.onMessage(message));
    this.socket.on('typing', (payload) => handlers.onTyping(payload.role, payload.typing));
  }

  /** Whether a message sent now goes out at once. */
  get connected(): boolean {
    return this.socket.connected;
  }

  /**
   * Send a shopper message. Resolves with the server's ack, or with undefined when the connection
   * dropped or the ack timed out (the message stays pending and is sent again on reconnect).
   */
  send(clientId: string, text: string): Promise<Ack | undefined> {
    return new Promise((resolve) => {
      this.socket.timeout(ACK_TIMEOUT_MS).emit('message', { clientId, text }, (error: Error | null, ack: Ack) => {
        resolve(error === null ? ack : undefined);
      });
    });
  }

  /** Send a behaviour event; socket.io buffers it while offline. */
  track(event: TrackPayload): void {
    this.socket.emit('track', event);
  }

  /** Tell the server whether the shopper is typing. */
  typing(typing: boolean): void {
    if (this.socket.connected) this.socket.volatile.emit('typing', { typing });
  }

  /** Close the socket for good. */
  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.socket.close();
  }

  /**
   * socket.io-client reconnects by itself after a network failure, but not when the server refused
   * the handshake or sent a disconnect (a restart, a rate limit): a shop's chat should come back
   * then too, so try again with a doubling delay.
   */
  private retryIfRefused(): void {
    if (this.closed || this.socket.active) return;
    clearTimeout(this.retryTimer);
    const delay = Math.min(REFUSED_RETRY_MAX_MS, REFUSED_RETRY_MIN_MS * 2 ** this.refusedRetries);
    this.refusedRetries += 1;
    this.retryTimer = setTimeout(() => this.socket.connect(), delay);
  }

  private handshake(locale: Locale): ShopperAuth {
    const sessionId = this.sessions.get();
    return sessionId !== undefined && SESSION_ID_PATTERN.test(sessionId) ? { sessionId, locale } : { locale };
  }
}
