import type { Storage, StoreItems } from 'botbuilder';
import type { Store } from '../store';

/**
 * botbuilder `Storage` over the SQLite store, so conversation and dialog state survive a restart
 * (never kept only in process memory). `eTag`s give optimistic concurrency like botbuilder's own
 * storage providers: a write carrying a stale `eTag` fails; `'*'` or none overwrites.
 */
export class SqliteStorage implements Storage {
  constructor(private readonly store: Store) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const [key, doc] of this.store.botState.read(keys)) {
      items[key] = { ...doc.value, eTag: String(doc.etag) };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const writes = new Map<string, { value: Record<string, unknown>; expectedEtag?: number | '*' }>();
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
      const expectedEtag = eTag === undefined || eTag === '*' ? '*' : Number(eTag);
      writes.set(key, { value, expectedEtag });
    }
    this.store.botState.write(writes);
  }

  async delete(keys: string[]): Promise<void> {
    this.store.botState.delete(keys);
  }
}
