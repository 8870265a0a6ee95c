import { Conversation } from '../../web-widget/conversation';
import type { ChatMessage } from '../../server/events';

function conversation(): Conversation {
  let next = 0;
  return new Conversation({ newClientId: () => `c${++next}`, now: () => new Date('2026-01-01T00:00:00Z') });
}

const botMessage = (id: string, text: string): ChatMessage => ({ id, role: 'bot', text, createdAt: '2026-01-01T00:00:01Z' });

describe('Conversation', () => {
  it('moves an outgoing message from pending to sent on a positive ack', () => {
    const chat = conversation();
    const entry = chat.addOutgoing('hi');
    expect(entry.status).toBe('pending');
    expect(chat.pending().map((e) => e.message.text)).toEqual(['hi']);
    chat.acknowledge('c1', { ok: true, id: 'm1' });
    expect(chat.list()).toEqual([expect.objectContaining({ status: 'sent', message: expect.objectContaining({ id: 'm1', clientId: 'c1' }) })]);
    expect(chat.pending()).toEqual([]);
  });

  it('marks a refused message failed, and a retry keeps its clientId', () => {
    const chat = conversation();
    chat.addOutgoing('hello');
    chat.acknowledge('c1', { ok: false, error: 'too long' });
    expect(chat.list()[0]).toMatchObject({ status: 'failed', error: 'too long' });
    const retried = chat.retry('c1');
    expect(retried).toMatchObject({ status: 'pending', message: { clientId: 'c1', text: 'hello' } });
    expect(chat.retry('c1')).toBeUndefined();
  });

  it('shows a server message once however often it arrives', () => {
    const chat = conversation();
    chat.receive(botMessage('b1', 'Hello'));
    chat.receive(botMessage('b1', 'Hello'));
    expect(chat.list()).toHaveLength(1);
  });

  it('restores history and keeps only the outgoing messages the server has not stored', () => {
    const chat = conversation();
    chat.addOutgoing('stored while offline');
    chat.addOutgoing('not stored yet');
    const history: ChatMessage[] = [
      { id: 'm1', role: 'shopper', text: 'stored while offline', clientId: 'c1', createdAt: '2026-01-01T00:00:00Z' },
      botMessage('m2', 'Reply'),
    ];
    chat.restore(history);
    expect(chat.list().map((e) => [e.message.text, e.status])).toEqual([
      ['stored while offline', 'sent'],
      ['Reply', 'sent'],
      ['not stored yet', 'pending'],
    ]);
  });

  it('lists unsent messages and adopts them back after a reload, once', () => {
    const before = conversation();
    before.addOutgoing('pending one');
    before.addOutgoing('refused one');
    before.addOutgoing('delivered one');
    before.acknowledge('c2', { ok: false, error: 'no' });
    before.acknowledge('c3', { ok: true, id: 'm3' });
    const unsent = before.unsent();
    expect(unsent.map((m) => [m.clientId, m.status])).toEqual([
      ['c1', 'pending'],
      ['c2', 'failed'],
    ]);
    const after = conversation();
    after.adoptUnsent(unsent);
    after.adoptUnsent(unsent);
    expect(after.list().map((e) => [e.message.clientId, e.message.text, e.status])).toEqual([
      ['c1', 'pending one', 'pending'],
      ['c2', 'refused one', 'failed'],
    ]);
    expect(after.pending().map((e) => e.message.clientId)).toEqual(['c1']);
  });

  it('notifies subscribers on every change until they unsubscribe', () => {
    const chat = conversation();
    const seen: number[] = [];
    const unsubscribe = chat.subscribe(() => seen.push(chat.list().length));
    chat.addOutgoing('a');
    chat.receive(botMessage('b1', 'b'));
    unsubscribe();
    chat.addOutgoing('c');
    expect(seen).toEqual([1, 2]);
  });
});
