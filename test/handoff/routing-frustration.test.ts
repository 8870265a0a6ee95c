// Straight from the modules, not the `bot` facade, which loads botbuilder (about a second per test
// file) that these do not use.
import { cartOf } from '../../bot/handoff/agent-view';
import { detectFrustration, readingsForFrustration, similarity } from '../../bot/handoff/frustration';
import { estimateWait, pickAgent, routeHandoff } from '../../bot/handoff/routing';
import { summarise } from '../../bot/handoff/summary';
import type { BehaviourEvent, MessageAnnotations, StoredMessage, User } from '../../store';

function agent(id: string, over: Partial<User> = {}): User {
  return {
    id,
    email: `${id}@shop.test`,
    name: id,
    role: 'agent',
    languages: ['en'],
    teams: ['general'],
    capacity: 2,
    presence: 'online',
    presenceAt: '2026-11-20T09:00:00.000Z',
    createdAt: '2026-11-20T09:00:00.000Z',
    ...over,
  };
}

const handoff = { language: 'en', team: 'general', targetAgentId: null };

describe('routing', () => {
  it('routes only to online agents of the language with room, team members first', () => {
    const agents = [
      agent('away', { presence: 'away' }),
      agent('offline', { presence: 'offline' }),
      agent('zh', { languages: ['zh'] }),
      agent('full', { capacity: 1 }),
      agent('billing', { teams: ['billing'] }),
      agent('general'),
    ];
    const loads = new Map([['full', 1]]);
    expect(routeHandoff(handoff, agents, loads).eligible.map((a) => a.id)).toEqual(['general']);
    expect(routeHandoff({ ...handoff, team: 'billing' }, agents, loads).eligible.map((a) => a.id)).toEqual(['billing']);
    expect(routeHandoff({ ...handoff, language: 'zh' }, agents, loads).eligible.map((a) => a.id)).toEqual(['zh']);
    // No billing member with room: any agent of the language may take it rather than nobody.
    expect(routeHandoff({ ...handoff, team: 'billing' }, [agent('general')], loads).eligible.map((a) => a.id)).toEqual(['general']);
  });

  it('respects a transfer to one agent', () => {
    const agents = [agent('a'), agent('b')];
    expect(routeHandoff({ ...handoff, targetAgentId: 'b' }, agents, new Map()).eligible.map((a) => a.id)).toEqual(['b']);
  });

  it('picks the least loaded agent, then the one online longest', () => {
    const agents = [agent('busy'), agent('late', { presenceAt: '2026-11-20T09:30:00.000Z' }), agent('early', { presenceAt: '2026-11-20T08:00:00.000Z' })];
    expect(pickAgent(handoff, agents, new Map([['busy', 1]]))?.id).toBe('early');
    expect(pickAgent(handoff, agents, new Map([['busy', 2], ['late', 2], ['early', 2]]))).toBeUndefined();
  });

  it('estimates the wait from the queue ahead, the agents online and the handling time', () => {
    const view = routeHandoff(handoff, [agent('a'), agent('b')], new Map());
    expect(estimateWait(view, 0, 300_000)).toEqual({ kind: 'minutes', minutes: 1 });
    const busy = routeHandoff(handoff, [agent('a'), agent('b')], new Map([['a', 2], ['b', 2]]));
    expect(estimateWait(busy, 3, 300_000)).toEqual({ kind: 'minutes', minutes: 10 });
    expect(estimateWait(routeHandoff(handoff, [], new Map()), 0, 300_000)).toEqual({ kind: 'nobody_online' });
  });
});

let seq = 0;
function shopper(text: string, a: Partial<MessageAnnotations>): StoredMessage {
  seq += 1;
  const annotations: MessageAnnotations = { locale: 'en', intent: 'track_order', confidence: 0.9, sentimentLabel: 'neutral', sentimentScore: 0, entities: [], ...a };
  return { seq, id: `m${seq}`, conversationId: 'c', role: 'shopper', text, clientId: null, payload: null, createdAt: '2026-11-20T10:00:00.000Z', annotations };
}
function bot(text: string): StoredMessage {
  seq += 1;
  return { seq, id: `m${seq}`, conversationId: 'c', role: 'bot', text, clientId: null, payload: null, createdAt: '2026-11-20T10:00:00.000Z', annotations: null };
}

describe('frustration tracker', () => {
  it('sees the bot not understanding twice in a row', () => {
    const missed = { intent: 'out_of_scope', confidence: 0.2 };
    expect(detectFrustration([shopper('blorp', missed), bot('?'), shopper('zzzt', missed)])).toBe('not_understood_twice');
    expect(detectFrustration([shopper('blorp', missed), bot('?'), shopper('where is my order', {})])).toBeUndefined();
    // Answers to the bot's questions (an order number, an email) have no intent but were understood.
    const email = { type: 'email', value: 'ann@example.com', text: 'ann@example.com', start: 0, end: 15, confidence: 1 };
    const order = { type: 'order_id', value: '536365', text: '536365', start: 0, end: 6, confidence: 1 };
    expect(detectFrustration([shopper('536365', { ...missed, entities: [order] }), bot('email?'), shopper('ann@example.com', { ...missed, entities: [email] })])).toBeUndefined();
  });

  it('sees sentiment falling over three turns into clearly negative', () => {
    const falling = [
      shopper('ok', { sentimentScore: 0.2, sentimentLabel: 'positive' }),
      shopper('hmm', { sentimentScore: -0.1, intent: 'delivery_time' }),
      shopper('bad', { sentimentScore: -0.6, sentimentLabel: 'negative', intent: 'refund_status' }),
    ];
    expect(detectFrustration(falling)).toBe('sentiment_falling');
    // Within "neutral" the score is noise: an order number and an email are no mood.
    const answers = [
      shopper('where is my order?', { sentimentScore: -0.02 }),
      shopper('538518', { sentimentScore: -0.13, intent: 'out_of_scope', entities: [{ type: 'order_id', value: '538518', text: '538518', start: 0, end: 6, confidence: 1 }] }),
      shopper('daniel.murphy@example.com', {
        sentimentScore: -0.35,
        intent: 'out_of_scope',
        entities: [{ type: 'email', value: 'daniel.murphy@example.com', text: 'daniel.murphy@example.com', start: 0, end: 25, confidence: 1 }],
      }),
    ];
    expect(detectFrustration(answers)).toBeUndefined();
    const mild = [shopper('ok', { sentimentScore: 0.2 }), shopper('hmm', { sentimentScore: 0.1, intent: 'delivery_time' }), shopper('meh', { sentimentScore: -0.1, intent: 'refund_status' })];
    expect(detectFrustration(mild)).toBeUndefined();
  });

  it('sees the same request said again, in English and Chinese, but not small talk', () => {
    expect(detectFrustration([shopper('where is my parcel', {}), bot('...'), shopper('where is my parcel??', {})])).toBe('rephrasing');
    expect(detectFrustration([shopper('我的包裹在哪里', { locale: 'zh' }), bot('...'), shopper('我的包裹到底在哪里', { locale: 'zh' })])).toBe('rephrasing');
    expect(detectFrustration([shopper('thanks', { intent: 'thanks' }), shopper('thanks!', { intent: 'thanks' })])).toBeUndefined();
    expect(similarity('where is my parcel', 'recommend a gift')).toBeLessThan(0.2);
  });

  it('reads only as much history as the newest message could end a signal with, and misses no signal for it', () => {
    // Every combination of four readings: the signal found in all four is the one found in the
    // newest ones the last message asks for (none when it asks for none).
    const readings: Array<[string, Partial<MessageAnnotations>]> = [
      ['blorp', { intent: 'out_of_scope', confidence: 0.2 }],
      ['where is my parcel', {}],
      ['where is my parcel??', { sentimentScore: -0.6, sentimentLabel: 'negative' }],
      ['thanks', { intent: 'thanks', sentimentScore: 0.4, sentimentLabel: 'positive' }],
      ['hmm', { intent: 'greeting', sentimentScore: -0.1, sentimentLabel: 'negative' }],
      ['bad', { intent: 'thanks', sentimentScore: -0.5, sentimentLabel: 'negative' }],
      ['where is my parcel please', { sentimentScore: -0.2, sentimentLabel: 'negative' }],
      ['536365', { intent: 'out_of_scope', confidence: 0.1, entities: [{ type: 'order_id', value: '536365', text: '536365', start: 0, end: 6, confidence: 1 }] }],
    ];
    const window = 4;
    let signals = 0;
    const asked = new Map<number, number>();
    for (const a of readings) {
      for (const b of readings) {
        for (const c of readings) {
          for (const d of readings) {
            const messages = [a, b, c, d].map(([text, reading]) => shopper(text, reading));
            const needed = readingsForFrustration(messages[3]?.annotations as MessageAnnotations, window);
            asked.set(needed, (asked.get(needed) ?? 0) + 1);
            const signal = detectFrustration(messages);
            if (signal !== undefined) signals += 1;
            expect(needed === 0 ? undefined : detectFrustration(messages.slice(-needed))).toBe(signal);
          }
        }
      }
    }
    // The check is worth having: small talk and answers read nothing, most requests one message more.
    expect(signals).toBeGreaterThan(300);
    expect(asked.get(0)).toBeGreaterThan(1000);
    expect(asked.get(2)).toBeGreaterThan(1000);
    expect(asked.get(window)).toBeGreaterThan(1000);
  });
});

describe('summary and cart', () => {
  it('summarises what the shopper asked and how the bot did, in one paragraph', () => {
    const order = { type: 'order_id', value: '536365', text: '536365', start: 0, end: 6, confidence: 1 };
    const text = summarise(
      [shopper('where is my order 536365', { entities: [order] }), bot('...'), shopper('blorp', { intent: 'out_of_scope', sentimentScore: -0.5 }), bot('?')],
      'frustration',
    );
    expect(text).toMatch(/wrote 2 messages in English, starting with “where is my order 536365”/);
    expect(text).toMatch(/did not understand 1 message/);
    expect(text).toMatch(/order 536365/);
    expect(text).toMatch(/from neutral to negative/);
    expect(text).toMatch(/seemed frustrated/);
  });

  it('rebuilds the cart from behaviour events (a purchase empties it)', () => {
    const e = (type: BehaviourEvent['type'], productId: string | null, quantity: number | null = null): BehaviourEvent => ({
      id: 1, sessionId: 's', customerId: null, type, pageType: null, productId, url: null, quantity, at: '2026-11-20T10:00:00.000Z',
    });
    const names = (id: string): string => `P${id}`;
    expect(cartOf([e('add_to_cart', '1', 2), e('add_to_cart', '2'), e('remove_from_cart', '1', 1)], names)).toEqual([
      { productId: '1', name: 'P1', quantity: 1 },
      { productId: '2', name: 'P2', quantity: 1 },
    ]);
    expect(cartOf([e('add_to_cart', '1'), e('purchase', null), e('add_to_cart', '3')], names)).toEqual([{ productId: '3', name: 'P3', quantity: 1 }]);
  });
});
