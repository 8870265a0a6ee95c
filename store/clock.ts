import { randomBytes } from 'node:crypto';

/** The time source, injected so tests can control it. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** Makes ids for new rows, injected so tests can make them predictable. */
export interface IdGenerator {
  /** A new unique id; `prefix` says what it names, e.g. `msg`. */
  next(prefix: string): string;
}

/** The wall clock. */
export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

/**
 * Time-ordered random ids (`msg_01HT...`): sortable by creation time, unguessable, so a shopper
 * cannot enumerate other shoppers' sessions.
 */
export function randomIds(clock: Clock = SYSTEM_CLOCK): IdGenerator {
  return {
    next(prefix: string): string {
      const time = clock.now().toString(36).padStart(9, '0');
      return `${prefix}_${time}${randomBytes(10).toString('base64url')}`;
    },
  };
}

/** Ids `prefix_1`, `prefix_2`, ... for tests. */
export function sequentialIds(): IdGenerator {
  let n = 0;
  return { next: (prefix) => `${prefix}_${++n}` };
}

/** ISO 8601 text of a clock reading, the way the store keeps times. */
export function isoNow(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
