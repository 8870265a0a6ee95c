import pino, { type Logger } from 'pino';

/** Fields that may hold personal data or secrets: never written to logs. */
const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.email', '*.text', 'auth.token'];

/**
 * The server's structured logger (JSON lines on stdout).
 *
 * @param level pino level, @default 'info'
 */
export function createLogger(level = 'info'): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'shopkeep' } });
}

export type { Logger };
