import { createHmac } from 'node:crypto';
// Straight from the modules, not the `bot` facade, which loads botbuilder (about a second per test
// file) that these do not use.
import { backoffMs } from '../../bot/channels/webhook/outbox-worker';
import { signature, verifySignature } from '../../bot/channels/webhook/signature';

const SECRET = 'a-shared-secret-of-at-least-32-chars!';
const NOW_MS = Date.UTC(2026, 0, 1, 12, 0, 0);
const NOW_S = NOW_MS / 1000;
const BODY = Buffer.from('{"id":"m1","conversationId":"c1","userId":"u1","text":"hi"}');

function signed(timestamp: number, body: Buffer = BODY, secret = SECRET) {
  return { timestamp: String(timestamp), signature: signature(secret, timestamp, body), body };
}

describe('webhook signatures', () => {
  it('is HMAC-SHA256 over "<timestamp>.<body>" in hex, prefixed v1=', () => {
    const expected = createHmac('sha256', SECRET).update(`${NOW_S}.${BODY.toString()}`).digest('hex');
    expect(signature(SECRET, NOW_S, BODY)).toBe(`v1=${expected}`);
  });

  it('accepts a fresh, correctly signed request', () => {
    expect(verifySignature(signed(NOW_S), SECRET, NOW_MS, 300)).toBe('ok');
    expect(verifySignature(signed(NOW_S - 299), SECRET, NOW_MS, 300)).toBe('ok');
  });

  it('refuses a stale or a future timestamp beyond the tolerance', () => {
    expect(verifySignature(signed(NOW_S - 301), SECRET, NOW_MS, 300)).toBe('stale');
    expect(verifySignature(signed(NOW_S + 301), SECRET, NOW_MS, 300)).toBe('stale');
  });

  it('refuses a wrong secret, a changed body, a moved timestamp and missing headers', () => {
    expect(verifySignature(signed(NOW_S, BODY, 'another-secret-of-at-least-32-chars!!'), SECRET, NOW_MS, 300)).toBe('bad_signature');
    expect(verifySignature({ ...signed(NOW_S), body: Buffer.from(`${BODY.toString()} `) }, SECRET, NOW_MS, 300)).toBe('bad_signature');
    expect(verifySignature({ ...signed(NOW_S), timestamp: String(NOW_S + 1) }, SECRET, NOW_MS, 300)).toBe('bad_signature');
    expect(verifySignature({ ...signed(NOW_S), signature: 'v1=00' }, SECRET, NOW_MS, 300)).toBe('bad_signature');
    expect(verifySignature({ ...signed(NOW_S), signature: undefined }, SECRET, NOW_MS, 300)).toBe('missing');
    expect(verifySignature({ ...signed(NOW_S), timestamp: '12e3' }, SECRET, NOW_MS, 300)).toBe('bad_timestamp');
  });

  it('backs off exponentially from the base, up to the cap', () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, policy))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});
