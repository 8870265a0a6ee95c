import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import { toChatMessage, type ChannelSender, type ChatMessage, type HandoffEvent, type HandoffService } from '../bot';
import type { Handoff, Presence, StoredMessage, User } from '../store';
import type { AuthContext, ConsoleAuth } from './auth';
import type { Logger } from './logger';
import { conversationRoom, type ShopperNamespace } from './shopper-socket';

/** A message as the console shows it: the widget's shape plus its sequence number. */
export type AgentChatMessage = ChatMessage & { seq: number; agentName?: string };

/** What the console may emit on `/agent`. Each payload is validated; each ack says ok or why not. */
export interface AgentClientEvents {
  presence: (payload: { presence: 'online' | 'away' }, ack?: (result: AgentAck) => void) => void;
  watch: (payload: { conversationId: string }, ack?: (result: AgentAck) => void) => void;
  typing: (payload: { handoffId: string; typing: boolean }, ack?: (result: AgentAck) => void) => void;
  read: (payload: { handoffId: string; seq: number }, ack?: (result: AgentAck) => void) => void;
}

/** What the server emits on `/agent`. */
export interface AgentServerEvents {
  /** The queue or someone's conversations changed: fetch `/api/agent/queue` again. */
  queue: () => void;
  handoff: (handoff: Handoff) => void;
  message: (payload: { conversationId: string; message: AgentChatMessage }) => void;
  typing: (payload: { conversationId: string; role: 'shopper'; typing: boolean }) => void;
  presence: (payload: { userId: string; name: string; presence: Presence }) => void;
}

/** The ack of `/agent` events. */
export type AgentAck = { ok: true } | { ok: false; error: string };

type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, Record<string, never>, { auth?: AuthContext }>;
/** The `/agent` namespace, typed. */
export type AgentNamespace = Namespace<AgentClientEvents, AgentServerEvents, Record<string, never>, { auth?: AuthContext }>;

/** How often connected consoles are checked for a session that expired or was signed out. */
const SESSION_CHECK_MS = 30_000;

const PRESENCE = z.object({ presence: z.enum(['online', 'away']) });
const WATCH = z.object({ conversationId: z.string().min(1).max(100) });
const TYPING = z.object({ handoffId: z.string().min(1).max(100), typing: z.boolean() });
const READ = z.object({ handoffId: z.string().min(1).max(100), seq: z.number().int().min(0) });

/** The room of agents watching one conversation. */
function watchRoom(conversationId: string): string {
  return `watch:${conversationId}`;
}

/** The console's shape of a stored message. */
export function agentMessage(message: StoredMessage): AgentChatMessage {
  const agentName = typeof message.payload?.agentName === 'string' ? message.payload.agentName : undefined;
  return { ...toChatMessage(message), seq: message.seq, ...(agentName ? { agentName } : {}) };
}

/** Delivers agent and proactive messages to the widget: the same room the bot's replies go to. */
export function widgetSender(nsp: ShopperNamespace): ChannelSender {
  return {
    send: (conversation, message) => nsp.to(conversationRoom(conversation.id)).emit('message', toChatMessage(message)),
    typing: (conversation, typing) => nsp.to(conversationRoom(conversation.id)).emit('typing', { role: 'agent', typing }),
  };
}

/** Passes the shopper's typing state (the widget already emits it) to the agents. */
export function forwardShopperTyping(nsp: ShopperNamespace, handoffs: HandoffService): void {
  nsp.on('connection', (socket) => {
    socket.on('typing', (payload: unknown) => {
      const typing = z.object({ typing: z.boolean() }).safeParse(payload);
      if (typing.success && socket.data.conversationId) handoffs.shopperTyping(socket.data.conversationId, typing.data.typing);
    });
  });
}

function relay(nsp: AgentNamespace, event: HandoffEvent): void {
  switch (event.type) {
    case 'changed':
      nsp.emit('handoff', event.handoff);
      nsp.emit('queue');
      return;
    case 'message':
      nsp.to(watchRoom(event.conversationId)).emit('message', { conversationId: event.conversationId, message: agentMessage(event.message) });
      nsp.emit('queue');
      return;
    case 'shopper_typing':
      nsp.to(watchRoom(event.conversationId)).emit('typing', { conversationId: event.conversationId, role: 'shopper', typing: event.typing });
      return;
    case 'presence':
      nsp.emit('presence', { userId: event.user.id, name: event.user.name, presence: event.user.presence });
      nsp.emit('queue');
      return;
    case 'follow_up':
      nsp.emit('queue');
      return;
    default:
      event satisfies never;
  }
}

/**
 * The `/agent` namespace: only signed-in agents and managers connect (cookie session, same
 * origin); every event re-checks the session and validates its payload. Connecting does not
 * make an agent available: the console says `online`; the last socket closing makes them
 * offline (the sweeper requeues their conversations after a grace period).
 */
export function attachAgentNamespace(nsp: AgentNamespace, auth: ConsoleAuth, handoffs: HandoffService, logger: Logger): () => void {
  nsp.use(auth.socketMiddleware('agent', 'manager'));
  nsp.on('connection', (socket: AgentSocket) => onConnection(nsp, socket, auth, handoffs, logger));
  const unsubscribe = handoffs.events.subscribe((event) => relay(nsp, event));
  // Live broadcasts need no event from the console, so expired or signed-out sockets are cut here.
  const timer = setInterval(() => {
    if (!handoffs.store.db.open) return;
    for (const socket of nsp.sockets.values()) if (!auth.socketUser(socket)) socket.disconnect(true);
  }, SESSION_CHECK_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}

function onConnection(nsp: AgentNamespace, socket: AgentSocket, auth: ConsoleAuth, handoffs: HandoffService, logger: Logger): void {
  const userId = socket.data.auth?.user.id as string;
  void socket.join(`user:${userId}`);
  const on = <T>(event: keyof AgentClientEvents, schema: z.ZodType<T>, act: (user: User, payload: T) => void): void => {
    socket.on(event, (payload: unknown, ack?: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (r: AgentAck) => void) : () => undefined;
      const user = auth.socketUser(socket);
      if (!user) {
        reply({ ok: false, error: 'signed out' });
        socket.disconnect(true);
        return;
      }
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return reply({ ok: false, error: parsed.error.issues[0]?.message ?? 'invalid payload' });
      try {
        act(user, parsed.data);
        reply({ ok: true });
      } catch (err) {
        logger.debug({ err, event, userId }, 'agent event refused');
        reply({ ok: false, error: err instanceof Error ? err.message : 'refused' });
      }
    });
  };
  on('presence', PRESENCE, (user, p) => handoffs.setPresence(user, p.presence));
  on('watch', WATCH, (_user, p) => {
    if (!handoffs.store.handoffs.latestFor(p.conversationId)) throw new Error('no handed-over conversation with this id');
    for (const room of socket.rooms) if (room.startsWith('watch:')) void socket.leave(room);
    void socket.join(watchRoom(p.conversationId));
  });
  on('typing', TYPING, (user, p) => handoffs.agentTyping(p.handoffId, user, p.typing));
  on('read', READ, (user, p) => handoffs.markRead(p.handoffId, user, p.seq));
  socket.on('disconnect', () => {
    nsp
      .in(`user:${userId}`)
      .fetchSockets()
      .then((left) => {
        // On shutdown the store may be closed already; start-up marks everyone offline anyway.
        if (left.length > 0 || !handoffs.store.db.open) return;
        const user = handoffs.store.users.findById(userId);
        if (user) handoffs.setPresence(user, 'offline');
      })
      .catch((err: unknown) => logger.error({ err, userId }, 'marking an agent offline failed'));
  });
}
