import { randomBytes } from 'node:crypto';

/** Random bytes in an id. */
const ID_RANDOM_BYTES = 10;
/** Random bytes drawn at once for ids. */
const RANDOM_POOL_BYTES = 4096;

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
  // One call to the system's generator per RANDOM_POOL_BYTES / 10 ids, not one per id: a busy shop makes several per turn.
  let pool = Buffer.alloc(0);
  let used = 0;
  return {
    next(prefix: string): string {
      if (used + ID_RANDOM_BYTES > pool.length) {
        pool = randomBytes(RANDOM_POOL_BYTES);
        used = 0;
      }
      const random = pool.toString('base64url', used, used + ID_RANDOM_BYTES);
      used += ID_RANDOM_BYTES;
      const time = clock.now().toString(36).padStart(9, '0');
      return `${prefix}_${time}${random}`;
    },
  };
}

/** Ids `prefix_1`, `prefix_2`, ... for tests. */
export function sequentialIds(): IdGenerator {
  let n = 0;
  return { next: (prefix) => `${prefix}_${++n}` };
}

/** The last reading {@link isoNow} formatted: a turn asks the time several times in one millisecond. */
let lastMs = Number.NaN;
let lastIso = '';

/** ISO 8601 text of a clock reading, the way the store keeps times. */
export function isoNow(clock: Clock): string {
  const ms = clock.now();
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}
