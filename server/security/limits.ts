import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Namespace, Socket } from 'socket.io';
import type { Clock } from '../../store';
import type { Config } from '../config';
import { ConcurrencyLimiter, RateLimiter } from './rate-limiter';

/** The abuse limits (from the configuration). */
export interface AbuseLimits {
  /** Shopper messages per session per minute (burst: a third of it). */
  sessionMessagesPerMinute: number;
  /** Shopper messages per IP address per minute, all its sessions together. */
  ipMessagesPerMinute: number;
  /** New socket connections per IP address per minute. */
  ipConnectionsPerMinute: number;
  /** Sockets open at once per IP address. */
  ipMaxSockets: number;
  /** REST requests per IP address per minute. */
  ipRequestsPerMinute: number;
  /** Trust `X-Forwarded-For` (behind a reverse proxy) for the client's address. */
  trustProxy: boolean;
}

/** What a limited shopper is told (in the ack, or as the connect error). */
export const LIMIT_ERRORS = {
  messages: 'too many messages; please wait a moment and send it again',
  connections: 'too many connections from this address; please try again later',
  requests: 'too many requests; please try again later',
} as const;

/** The client's address: the first `X-Forwarded-For` hop when a proxy is trusted, else the peer. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return (trustProxy && first) || req.socket.remoteAddress || 'unknown';
}

/** Options of {@link requestLimit}. */
export interface RequestLimitOptions {
  /**
   * Path prefixes left out: routes that authenticate a machine (the shop's key, a signature)
   * and may legitimately send many requests from one address. @default []
   */
  skip?: readonly string[];
}

/**
 * Per-IP REST limit: over it, 429 with `Retry-After` and `{ error }`. Mount before the routers
 * it protects; static files are cheap and left out.
 */
export function requestLimit(limits: AbuseLimits, clock: Clock, options: RequestLimitOptions = {}): RequestHandler {
  const perIp = new RateLimiter({ limit: limits.ipRequestsPerMinute, burst: Math.ceil(limits.ipRequestsPerMinute / 4) }, clock);
  const skip = options.skip ?? [];
  return (req, res, next) => {
    if (skip.some((prefix) => req.originalUrl.startsWith(prefix))) return next();
    const ip = clientAddress(req, limits.trustProxy);
    if (perIp.take(ip)) return next();
    res.set('Retry-After', String(Math.ceil(perIp.retryAfterMs(ip) / 1000)));
    res.status(429).json({ error: LIMIT_ERRORS.requests });
  };
}

/**
 * Guards the `/shopper` namespace: per-IP connection rate and ceiling at the handshake (the
 * client's `connect_error` carries the reason), and per-session and per-IP message rates on
 * every `message` (the ack says `{ ok: false, error }` and nothing is stored). Other events
 * (`track`, `typing`) are cheap and pass. Attach before the namespace's own handlers.
 */
export function guardShopperNamespace<N extends Namespace>(nsp: N, limits: AbuseLimits, clock: Clock): void {
  const connections = new RateLimiter({ limit: limits.ipConnectionsPerMinute, burst: Math.ceil(limits.ipConnectionsPerMinute / 2) }, clock);
  const open = new ConcurrencyLimiter(limits.ipMaxSockets);
  const perSession = new RateLimiter({ limit: limits.sessionMessagesPerMinute, burst: Math.max(3, Math.ceil(limits.sessionMessagesPerMinute / 3)) }, clock);
  const perIp = new RateLimiter({ limit: limits.ipMessagesPerMinute, burst: Math.ceil(limits.ipMessagesPerMinute / 3) }, clock);

  nsp.use((socket, next) => {
    const ip = clientAddress(socket.request, limits.trustProxy);
    if (!connections.take(ip) || !open.acquire(ip)) return next(new Error(LIMIT_ERRORS.connections));
    socket.once('disconnect', () => open.release(ip));
    next();
  });
  nsp.on('connection', (socket: Socket) => {
    const ip = clientAddress(socket.request, limits.trustProxy);
    socket.use((packet, next) => {
      if (packet[0] !== 'message') return next();
      const session = (socket.data as { sessionId?: string }).sessionId ?? socket.id;
      // Both buckets are checked before either is charged, so a refused message costs nothing.
      if (perSession.retryAfterMs(session) === 0 && perIp.retryAfterMs(ip) === 0) {
        perSession.take(session);
        perIp.take(ip);
        return next();
      }
      const ack = packet[packet.length - 1];
      if (typeof ack === 'function') (ack as (r: unknown) => void)({ ok: false, error: LIMIT_ERRORS.messages });
    });
  });
}

/** The abuse limits of a configuration. */
export function abuseLimitsOf(config: Config): AbuseLimits {
  return {
    sessionMessagesPerMinute: config.SHOPKEEP_SESSION_MESSAGES_PER_MINUTE,
    ipMessagesPerMinute: config.SHOPKEEP_IP_MESSAGES_PER_MINUTE,
    ipConnectionsPerMinute: config.SHOPKEEP_IP_CONNECTIONS_PER_MINUTE,
    ipMaxSockets: config.SHOPKEEP_IP_MAX_SOCKETS,
    ipRequestsPerMinute: config.SHOPKEEP_IP_REQUESTS_PER_MINUTE,
    trustProxy: config.SHOPKEEP_TRUST_PROXY,
  };
}
