import { ConversationState, type Storage, type StoreItems, type TurnContext } from 'botbuilder';
import type { Store } from '../store';
import { turnWritesOf } from './turn-writes';

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

/**
 * Conversation state (dialog stack, memory) in the SQLite store. In a channel's shopper turn the
 * save joins the turn's writes, so state, replies and the turn-done mark commit together;
 * elsewhere (TestAdapter scripts) it saves at once, as `ConversationState` does.
 */
export class StoredConversationState extends ConversationState {
  constructor(store: Store) {
    super(new SqliteStorage(store));
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const writes = turnWritesOf(context);
    if (!writes) return super.saveChanges(context, force);
    const state = this.get(context) as (Record<string, unknown> & { eTag?: string }) | undefined;
    const key = this.getStorageKey(context);
    if (!state || !key) return;
    // Last writer wins, like ConversationState's own saves: turns of a conversation run one at a time.
    const { eTag: _eTag, ...value } = state;
    writes.state(key, value);
  }
}
