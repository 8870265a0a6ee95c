import * as z from 'zod/mini';

/** One string kept in localStorage, with an in-memory fallback. */
export interface StoredValue {
  get(): string | undefined;
  /** Undefined removes it. */
  set(value: string | undefined): void;
}

/**
 * A value in localStorage. Storage can throw (blocked cookies, sandboxed frames, a full quota);
 * then the value lasts as long as the page, which is the best the widget can do there.
 */
export function localValue(key: string, storage: () => Storage = () => window.localStorage): StoredValue {
  let memory: string | undefined;
  return {
    get() {
      try {
        return storage().getItem(key) ?? memory;
      } catch {
        return memory;
      }
    },
    set(value) {
      memory = value;
      try {
        if (value === undefined) storage().removeItem(key);
        else storage().setItem(key, value);
      } catch {
        // Keep the in-memory copy only.
      }
    },
  };
}

/** An outgoing message not yet stored by the server, as kept across reloads. */
export interface UnsentMessage {
  clientId: string;
  text: string;
  createdAt: string;
  status: 'pending' | 'failed';
}

/** Enough for a burst typed while offline; older ones beyond it are dropped. */
const MAX_UNSENT = 20;
const unsentSchema = z.array(
  z.object({
    clientId: z.string().check(z.minLength(1), z.maxLength(100)),
    text: z.string().check(z.maxLength(10_000)),
    createdAt: z.string(),
    status: z.enum(['pending', 'failed']),
  }),
);

/**
 * Messages the shopper wrote that the server has not acknowledged, so that a reload while offline
 * does not lose them: they come back as pending and are sent with their original `clientId`.
 */
export class UnsentStore {
  constructor(private readonly value: StoredValue) {}

  /** The saved messages; anything unreadable (tampered, old format) counts as none. */
  load(): UnsentMessage[] {
    try {
      const parsed = unsentSchema.safeParse(JSON.parse(this.value.get() ?? '[]'));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  /** Replace the saved messages. */
  save(messages: readonly UnsentMessage[]): void {
    this.value.set(messages.length === 0 ? undefined : JSON.stringify(messages.slice(-MAX_UNSENT)));
  }
}
