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

  /**
   * In a channel's shopper turn, loads without the change hash `BotState.load` computes (a stable
   * stringify and a SHA-256 of the whole state, a few percent of a turn's CPU): the save below
   * writes whatever the turn holds and never reads it. Elsewhere the stock load, as the stock save
   * compares hashes.
   */
  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    // BotState caches the turn's state under its private key, in the shape its own load uses; a
    // hash that matches nothing makes a stock save (were one to run in this turn) write too.
    const stateKey = (this as unknown as { stateKey?: unknown }).stateKey;
    const key = this.getStorageKey(context);
    if (!turnWritesOf(context) || !key || typeof stateKey !== 'symbol') return super.load(context, force) as Promise<Record<string, unknown>>;
    const cached = context.turnState.get(stateKey) as { state?: Record<string, unknown> } | undefined;
    if (!force && cached?.state) return cached.state;
    const items = await this.storage.read([key]);
    const state = (items[key] as Record<string, unknown> | undefined) ?? {};
    context.turnState.set(stateKey, { state, hash: '' });
    return state;
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
