import pino, { type Logger } from 'pino';
import { redactDeep, redactPii } from './privacy/redact';

/** Fields that may hold personal data or secrets: never written to logs. */
// Top-level and one level down (pino's `*` matches one key, not the root).
const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'password', 'email', 'text', '*.password', '*.email', '*.text', 'auth.token'];

/**
 * The server's structured logger (JSON lines on stdout). Known personal fields are dropped by
 * path, and every other string (messages, error texts, ids that turn out to be emails) has card
 * numbers, emails and phone numbers masked, whatever the caller passed.
 *
 * @param level pino level, @default 'info'
 * @param destination where the JSON lines go, @default stdout
 */
export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'shopkeep' },
    formatters: { log: (record) => redactDeep(record) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactPii(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
