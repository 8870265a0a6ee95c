import { Writable } from 'node:stream';
import { luhnValid, redactDeep, redactPii } from '../../server/privacy';
import { createLogger } from '../../server/logger';

describe('PII redaction', () => {
  it('masks Luhn-valid card numbers however they are grouped, and only those', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(redactPii('my card is 4111 1111 1111 1111 thanks')).toBe('my card is [card number] thanks');
    expect(redactPii('5500-0000-0000-0004')).toBe('[card number]');
    expect(redactPii('amex 378282246310005.')).toBe('amex [card number].');
    // Sixteen digits failing the checksum are not a card (a tracking number, say).
    expect(redactPii('ref 4111111111111112')).not.toContain('[card number]');
  });

  it('masks emails and phone numbers but leaves order numbers, prices and dates readable', () => {
    expect(redactPii('write to Ann.Lee+shop@mail.example.co.uk please')).toBe('write to [email] please');
    expect(redactPii('call +44 20 7946 0958 or (020) 7946-0958')).toBe('call [phone] or [phone]');
    expect(redactPii('我的手机 13812345678')).toBe('我的手机 [phone]');
    expect(redactPii('where is order 536365? it cost £12.50 on 2024-01-05 at 10:30')).toBe(
      'where is order 536365? it cost £12.50 on 2024-01-05 at 10:30',
    );
  });

  it('walks log records: nested strings and error messages, keeping the error class', () => {
    const err = new TypeError('no customer ann@example.com');
    const out = redactDeep({ a: { b: ['card 4111111111111111'] }, err, n: 3 }) as { a: { b: string[] }; err: Error; n: number };
    expect(out.a.b[0]).toBe('card [card number]');
    expect(out.err).toBeInstanceOf(TypeError);
    expect(out.err.message).toBe('no customer [email]');
    expect(out.err.stack).not.toContain('ann@example.com');
    expect(out.n).toBe(3);
  });

  it('the server logger never writes a card number, email or phone, in fields or messages', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    const logger = createLogger('info', sink);
    logger.info({ query: 'ship to ann@example.com', phone: '+1 415 555 0100', email: 'x@y.example', text: 'hello' }, 'paid with 4111 1111 1111 1111');
    logger.error({ err: new Error('lookup failed for bob@example.org') }, 'turn failed');
    const all = lines.join('');
    expect(lines).toHaveLength(2);
    for (const secret of ['ann@example.com', '415 555 0100', 'x@y.example', '4111 1111', 'bob@example.org', 'hello']) expect(all).not.toContain(secret);
    expect(all).toContain('[email]');
    expect(all).toContain('[card number]');
  });
});
