import { createHash, randomBytes } from 'node:crypto';
import type { AuthSession, Clock, Store } from '../../store';

/** Name of the console's session cookie. */
export const SESSION_COOKIE = 'shopkeep_console';

/** SHA-256 of a session token: only the hash is stored, so a database leak yields no live sessions. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Reads one cookie from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      // A malformed escape is a forged or broken cookie: no session, not a 500.
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Console sessions: random tokens in an HttpOnly cookie, hashed in SQLite, with a fixed lifetime. */
export class SessionManager {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  /** Starts a session; returns the cookie token and the CSRF token the page must echo. */
  start(userId: string): { token: string; csrfToken: string; expiresAt: string } {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(this.clock.now() + this.ttlMs).toISOString();
    this.store.users.createSession(tokenHash(token), userId, csrfToken, expiresAt);
    this.store.users.purgeExpiredSessions();
    return { token, csrfToken, expiresAt };
  }

  /** The live session of a cookie header, if any (expired ones are not found). */
  fromCookieHeader(header: string | undefined): (AuthSession & { tokenHash: string }) | undefined {
    const token = readCookie(header, SESSION_COOKIE);
    if (!token) return undefined;
    const hash = tokenHash(token);
    const session = this.store.users.findSession(hash);
    return session && { ...session, tokenHash: hash };
  }

  end(hash: string): void {
    this.store.users.deleteSession(hash);
  }

  /** The `Set-Cookie` value for a session (or, with no token, one that clears it). */
  cookie(token: string | undefined, secure: boolean): string {
    const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])];
    if (!token) return [`${SESSION_COOKIE}=`, 'Max-Age=0', ...attributes].join('; ');
    return [`${SESSION_COOKIE}=${token}`, `Max-Age=${Math.floor(this.ttlMs / 1000)}`, ...attributes].join('; ');
  }
}
