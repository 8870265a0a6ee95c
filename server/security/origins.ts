import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { HttpError } from '../errors';

/** Methods that change nothing: a foreign page may read public data but never write. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Which browser origins may talk to Shopkeep: its own pages always, plus the shops that embed
 * the widget (`SHOPKEEP_ALLOWED_ORIGINS`). Requests without an `Origin` header come from
 * servers, curl or the same page's navigation, not from another site's script, so they pass:
 * an origin check defends browsers, it is not authentication.
 */
export class OriginPolicy {
  private readonly allowed: Set<string>;

  /** @param allowed origins such as `https://shop.example` (paths and trailing slashes ignored) */
  constructor(allowed: readonly string[]) {
    this.allowed = new Set(allowed.map((o) => normalise(o)).filter((o): o is string => o !== undefined));
  }

  /** True when a browser page at `origin` may use this server reached at `host` (the Host header). */
  allows(origin: string | undefined, host: string | undefined): boolean {
    if (origin === undefined) return true;
    const own = normalise(origin);
    if (own === undefined) return false;
    if (host !== undefined && new URL(own).host === host.toLowerCase()) return true;
    return this.allowed.has(own);
  }

  /** Whether the origin is one of the configured shops (not Shopkeep's own pages). */
  isListed(origin: string): boolean {
    const own = normalise(origin);
    return own !== undefined && this.allowed.has(own);
  }

  /**
   * CORS for the REST API: listed shops get `Access-Control-Allow-Origin` (no credentials: the
   * widget needs none), preflights are answered here, and a foreign page's write is refused.
   */
  corsMiddleware(): RequestHandler {
    return (req, res, next) => {
      const origin = req.get('origin');
      if (origin === undefined) return next();
      const allowed = this.allows(origin, req.get('host'));
      if (allowed && this.isListed(origin)) {
        res.vary('Origin');
        res.set('Access-Control-Allow-Origin', normalise(origin));
        res.set('Access-Control-Allow-Methods', 'GET, HEAD, POST, OPTIONS');
        res.set('Access-Control-Allow-Headers', 'Content-Type');
        res.set('Access-Control-Max-Age', '600');
      }
      if (req.method === 'OPTIONS') {
        if (!allowed) return next(new HttpError(403, 'origin not allowed'));
        res.status(204).end();
        return;
      }
      if (!allowed && !SAFE_METHODS.has(req.method)) return next(new HttpError(403, 'origin not allowed'));
      next();
    };
  }

  /**
   * Socket.IO's `allowRequest`: refuses the handshake (HTTP 403) of a page from an origin not
   * allowed. WebSockets are not covered by CORS, so this is the check that counts for them.
   */
  socketAllowRequest(): (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => void {
    return (req, callback) => {
      const ok = this.allows(req.headers.origin, req.headers.host);
      callback(ok ? null : 'origin not allowed', ok);
    };
  }

  /**
   * Socket.IO's `cors` option: the long-polling transport (the widget's first one) is plain
   * HTTP, so a listed shop's page needs the CORS headers to read its answers.
   */
  socketCors(): { origin: (origin: string | undefined, callback: (err: Error | null, allow?: string | boolean) => void) => void; credentials: false } {
    return {
      origin: (origin, callback) => callback(null, origin !== undefined && this.isListed(origin) ? normalise(origin) : false),
      credentials: false,
    };
  }
}

function normalise(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin.toLowerCase();
  } catch {
    return undefined;
  }
}
