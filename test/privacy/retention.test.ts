import { RetentionSweeper } from '../../server/privacy';
import { openStore, sequentialIds, type Store } from '../../store';

const DAY = 24 * 60 * 60 * 1000;

function conversationWithHistory(store: Store, text: string): string {
  const session = store.sessions.create('en');
  const conversation = store.conversations.openForSession(session.id, 'widget', 'en');
  store.conversations.appendMessage({ conversationId: conversation.id, role: 'shopper', text, clientId: 'c1' });
  store.conversations.appendMessage({ conversationId: conversation.id, role: 'bot', text: 'hello' });
  store.botState.write(new Map([[`widget/conversations/${conversation.id}/`, { value: { step: 1 } }]]));
  return conversation.id;
}

describe('retention sweep', () => {
  it('purges conversations idle past the retention period with their dependents, keeps recent ones and those a human owns', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const store = openStore({ file: ':memory:', clock: { now: () => now }, ids: sequentialIds() });
    const old = conversationWithHistory(store, 'an old question');
    const owned = conversationWithHistory(store, 'old but with a person');
    store.handoffs.open({
      conversationId: owned, trigger: 'asked', language: 'en', team: 'general', priority: 1, intent: null, sentimentScore: null,
      summary: 'waiting', deadlineAt: new Date(now + 600_000).toISOString(),
    });
    now += 40 * DAY;
    const recent = conversationWithHistory(store, 'a recent question');

    const sweeper = new RetentionSweeper(store, { now: () => now }, { days: 30 });
    expect(sweeper.sweep()).toBe(1);
    expect(store.conversations.findById(old)).toBeUndefined();
    expect(store.conversations.messages(old)).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM bot_state WHERE key LIKE ?').pluck().get(`%${old}%`)).toBe(0);
    expect(store.conversations.findById(owned)).toBeDefined();
    expect(store.conversations.messages(recent)).toHaveLength(2);
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    expect(store.privacy.requests()[0]).toMatchObject({ kind: 'retention', rows: 1, subjectHash: null });
    // Nothing left to purge: a second sweep logs nothing.
    expect(sweeper.sweep()).toBe(0);
    expect(store.privacy.requests()).toHaveLength(1);
    // Retention off keeps everything.
    now += 400 * DAY;
    expect(new RetentionSweeper(store, { now: () => now }, { days: 0 }).sweep()).toBe(0);
    expect(store.conversations.findById(recent)).toBeDefined();
    store.close();
  });
});
