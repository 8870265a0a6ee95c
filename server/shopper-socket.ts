import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import type { ClientToServerEvents, ServerToClientEvents, ShopperChannel } from '../bot';
import type { Logger } from './logger';

/** Longest shopper message accepted, in characters. */
export const MAX_MESSAGE_LENGTH = 2000;

const AUTH_SCHEMA = z.object({
  sessionId: z.string().min(1).max(100).optional(),
  locale: z.string().max(20).optional(),
});

const MESSAGE_SCHEMA = z.object({
  clientId: z.string({ message: 'clientId must be a string' }).min(1, 'clientId is required').max(100, 'clientId is too long'),
  text: z
    .string({ message: 'text must be a string' })
    .max(MAX_MESSAGE_LENGTH, `text is longer than ${MAX_MESSAGE_LENGTH} characters`)
    .transform((t) => t.trim())
    .pipe(z.string().min(1, 'text is empty')),
});

const TRACK_SCHEMA = z.object({
  type: z.enum(['page_view', 'product_view', 'add_to_cart', 'remove_from_cart', 'purchase']),
  pageType: z.enum(['administrative', 'informational', 'product']).optional(),
  productId: z.string().min(1).max(64).optional(),
  url: z.string().max(2048).optional(),
  quantity: z.number().int().min(1).max(10_000).optional(),
});

interface SocketData {
  sessionId: string;
  conversationId: string;
}

type ShopperSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
/** The `/shopper` namespace, typed. */
export type ShopperNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The room every socket of a conversation joins (a shopper may have several tabs open). */
export function conversationRoom(conversationId: string): string {
  return `conversation:${conversationId}`;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid payload';
  if (issue.code === 'invalid_type' && issue.path.length === 0) return 'payload must be an object { clientId, text }';
  return issue.message;
}

function localeOf(raw: string | undefined): 'en' | 'zh' {
  return raw?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Records a page tracker event for the session (the profile store's behaviour events). */
export type TrackRecorder = (sessionId: string, event: z.infer<typeof TRACK_SCHEMA>) => string | undefined;

/**
 * The `/shopper` namespace, exactly as DESIGN.md specifies: `session` then `history` on connect,
 * and `message` acknowledged only after the message is committed to SQLite.
 */
export function attachShopperNamespace(nsp: ShopperNamespace, channel: ShopperChannel, track: TrackRecorder, logger: Logger): void {
  nsp.on('connection', (socket: ShopperSocket) => {
    onConnection(socket, channel, logger);
    socket.on('track', (payload: unknown, ack: unknown) => onTrack(socket, payload, ack, track, logger));
  });
}

function onTrack(socket: ShopperSocket, payload: unknown, ack: unknown, track: TrackRecorder, logger: Logger): void {
  const reply = typeof ack === 'function' ? (ack as (result: unknown) => void) : () => undefined;
  const parsed = TRACK_SCHEMA.safeParse(payload);
  if (!parsed.success) {
    reply({ ok: false, error: firstIssue(parsed.error) });
    return;
  }
  try {
    const id = track(socket.data.sessionId, parsed.data);
    reply(id ? { ok: true, id } : { ok: false, error: 'unknown session' });
  } catch (err) {
    logger.error({ err, sessionId: socket.data.sessionId }, 'recording a tracker event failed');
    reply({ ok: false, error: 'the event could not be recorded' });
  }
}

function onConnection(socket: ShopperSocket, channel: ShopperChannel, logger: Logger): void {
  const auth = AUTH_SCHEMA.safeParse(socket.handshake.auth ?? {});
  const hint = auth.success ? auth.data : {};
  const { session, conversation, history } = channel.connect(hint.sessionId, localeOf(hint.locale));
  socket.data = { sessionId: session.id, conversationId: conversation.id };
  void socket.join(conversationRoom(conversation.id));
  socket.emit('session', { sessionId: session.id, conversationId: conversation.id });
  socket.emit('history', history);

  socket.on('message', (payload: unknown, ack: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (result: unknown) => void) : () => undefined;
    const parsed = MESSAGE_SCHEMA.safeParse(payload);
    if (!parsed.success) {
      reply({ ok: false, error: firstIssue(parsed.error) });
      return;
    }
    const conversationId = socket.data.conversationId;
    channel.receive(conversationId, parsed.data.clientId, parsed.data.text).then(
      ({ message }) => reply({ ok: true, id: message.id }),
      (err: unknown) => {
        logger.error({ err, conversationId }, 'storing a shopper message failed');
        reply({ ok: false, error: 'the message could not be stored; please send it again' });
      },
    );
  });
}
