import type { RequestHandler } from 'express';

/** Scripts whose bytes other sites load with `<script src>`: they must not be blocked cross-origin. */
const EMBEDDABLE = new Set(['/widget.js', '/widget.js.map']);

/**
 * The Content-Security-Policy of every page Shopkeep serves (storefront, widget, console).
 * Scripts only from this origin and never inline or `eval`, so a message that slips past the
 * escaping still cannot run. Styles allow inline because the widget puts its stylesheet in a
 * `<style>` of its shadow root and sets its accent colour as a custom property; images allow
 * `data:` because product pictures arrive inline. Sockets are same-origin (`'self'` covers ws:).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * Security headers on every response: the CSP above, no MIME sniffing, no framing by other
 * sites (clickjacking of the console), no referrer leaking URLs with ids, and resources kept
 * to this origin except the widget script that shops embed.
 */
export function securityHeaders(): RequestHandler {
  return (req, res, next) => {
    res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('X-Frame-Options', 'SAMEORIGIN');
    res.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.set('Cross-Origin-Opener-Policy', 'same-origin');
    res.set('Cross-Origin-Resource-Policy', EMBEDDABLE.has(req.path) ? 'cross-origin' : 'same-origin');
    res.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    next();
  };
}
