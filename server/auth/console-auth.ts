import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { ExtendedError, Socket } from 'socket.io';
import type { Clock, Store, User, UserRole } from '../../store';
import { HttpError } from '../errors';
import { DUMMY_HASH_PROMISE, verifyPassword } from './passwords';
import { SessionManager } from './sessions';
import { LoginThrottle, type ThrottleOptions } from './throttle';

/** Who is calling, once authenticated. */
export interface AuthContext {
  user: User;
  csrfToken: string;
  tokenHash: string;
}

/** Options of {@link ConsoleAuth}. */
export interface ConsoleAuthOptions {
  /** Session lifetime. @default 43200000 (12 h) */
  sessionTtlMs: number;
  /** Mark the cookie `Secure` (serve over HTTPS). @default false */
  secureCookies: boolean;
  throttle: ThrottleOptions;
}

/** Methods that change nothing: no CSRF token needed. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The authenticated caller of a request that passed {@link ConsoleAuth.requireRole}. */
export function authOf(res: Response): AuthContext {
  const auth = res.locals.auth as AuthContext | undefined;
  if (!auth) throw new HttpError(401, 'sign in first');
  return auth;
}

/** True when a browser's `Origin` names the host it connects to (a page of this server). */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Sign-in for the console (agents and managers): password check with throttling, expiring
 * cookie sessions, CSRF tokens for state-changing requests, and role checks for REST routes and
 * Socket.IO namespaces. Later features (the manager dashboard) reuse `requireRole` and
 * `socketMiddleware`.
 *
 * @example
 * router.get('/api/manager/stats', auth.requireRole('manager'), handler);
 * io.of('/agent').use(auth.socketMiddleware('agent', 'manager'));
 */
export class ConsoleAuth {
  readonly sessions: SessionManager;
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly store: Store,
    clock: Clock,
    private readonly options: ConsoleAuthOptions,
  ) {
    this.sessions = new SessionManager(store, clock, options.sessionTtlMs);
    this.throttle = new LoginThrottle(store, clock, options.throttle);
  }

  /** Checks a password; starts a session. 401 on bad credentials, 429 while throttled. */
  async login(email: string, password: string, address: string): Promise<{ user: User; token: string; csrfToken: string }> {
    if (this.throttle.blocked(email, address)) throw new HttpError(429, 'too many failed sign-ins; try again later');
    const found = this.store.users.findCredentials(email);
    // Unknown emails cost a full hash too, so timing does not tell which emails exist.
    const ok = await verifyPassword(password, found?.passwordHash ?? (await DUMMY_HASH_PROMISE()));
    if (!found || !ok) {
      this.throttle.failed(email, address);
      throw new HttpError(401, 'wrong email or password');
    }
    this.throttle.succeeded(email);
    const { token, csrfToken } = this.sessions.start(found.user.id);
    return { user: found.user, token, csrfToken };
  }

  /** The `Set-Cookie` header value for a token (none: clears the cookie). */
  cookie(token?: string): string {
    return this.sessions.cookie(token, this.options.secureCookies);
  }

  /**
   * Express middleware: 401 without a live session, 403 for a role not listed, 403 for a
   * state-changing request without the session's CSRF token in `X-CSRF-Token`.
   */
  requireRole(...roles: UserRole[]): RequestHandler {
    return (req, res, next) => {
      const session = this.sessions.fromCookieHeader(req.headers.cookie);
      if (!session) return next(new HttpError(401, 'sign in first'));
      if (!roles.includes(session.user.role)) return next(new HttpError(403, `this needs the role ${roles.join(' or ')}`));
      if (!SAFE_METHODS.has(req.method)) {
        const sent = req.get('x-csrf-token') ?? '';
        if (!sameToken(sent, session.csrfToken)) return next(new HttpError(403, 'missing or wrong CSRF token'));
      }
      res.locals.auth = { user: session.user, csrfToken: session.csrfToken, tokenHash: session.tokenHash } satisfies AuthContext;
      next();
    };
  }

  /**
   * Socket.IO middleware: the handshake must carry a live session cookie of one of `roles`,
   * from a page of this server (cross-site WebSocket hijacking is refused by the Origin check).
   * Sets `socket.data.auth`.
   */
  socketMiddleware(...roles: UserRole[]): (socket: Socket, next: (err?: ExtendedError) => void) => void {
    return (socket, next) => {
      const { headers } = socket.handshake;
      if (!sameOrigin(headers.origin, headers.host)) return next(new Error('forbidden origin'));
      const session = this.sessions.fromCookieHeader(headers.cookie);
      if (!session) return next(new Error('unauthorized'));
      if (!roles.includes(session.user.role)) return next(new Error('forbidden'));
      (socket.data as { auth?: AuthContext }).auth = { user: session.user, csrfToken: session.csrfToken, tokenHash: session.tokenHash };
      next();
    };
  }

  /** The socket's user while its session is still live (signed out or expired: undefined). */
  socketUser(socket: Socket): User | undefined {
    const session = this.sessions.fromCookieHeader(socket.handshake.headers.cookie);
    return session && this.store.users.findById(session.user.id);
  }
}
