import { io, type Socket } from 'socket.io-client';
import type { Ack, ChatMessage, ClientToServerEvents, ServerToClientEvents, ShopperAuth, TrackPayload } from '../server/events';
import type { Locale } from './settings';

/** How long to wait for a message ack on a live connection before offering a retry. */
const ACK_TIMEOUT_MS = 15_000;

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

/** Where the session id survives a reload. */
export interface SessionStore {
  get(): string | undefined;
  set(sessionId: string): void;
}

/**
 * A `SessionStore` over localStorage, keyed by server origin. Storage can throw (blocked cookies,
 * sandboxed frames); then the session simply lasts as long as the page.
 */
export function localSessionStore(server: string, storage: () => Storage = () => window.localStorage): SessionStore {
  const key = `shopkeep:session:${server}`;
  let memory: string | undefined;
  return {
    get() {
      try {
        return storage().getItem(key) ?? memory;
      } catch {
        return memory;
      }
    },
    set(sessionId) {
      memory = sessionId;
      try {
        storage().setItem(key, sessionId);
      } catch {
        // Keep the in-memory copy only.
      }
    },
  };
}

/** Ids are opaque, but a sane shape keeps junk out of the handshake. */
const SESSION_ID_PATTERN = /^[\w.:-]{1,128}$/;

/**
 * The widget's side of the `/shopper` namespace. Reconnection is socket.io-client's own (with
 * backoff); every handshake sends the stored session id so the server reopens the same conversation.
 */
export class ShopperConnection {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(server: string, locale: Locale, private readonly sessions: SessionStore, handlers: ConnectionHandlers) {
    this.socket = io(`${server}/shopper`, {
      // A function so that each reconnect presents the session id the server gave last time.
      auth: (callback) => callback(this.handshake(locale)),
      withCredentials: false,
    });
    this.socket.on('connect', () => handlers.onState('online'));
    this.socket.on('disconnect', () => handlers.onState('offline'));
    this.socket.on('connect_error', () => handlers.onState('offline'));
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
    this.socket.close();
  }

  private handshake(locale: Locale): ShopperAuth {
    const sessionId = this.sessions.get();
    return sessionId !== undefined && SESSION_ID_PATTERN.test(sessionId) ? { sessionId, locale } : { locale };
  }
}
