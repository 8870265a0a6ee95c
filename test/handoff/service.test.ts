import fs from 'node:fs';
import path from 'node:path';
import { HandoffError, HandoffSweeper } from '../../bot';
import { tempDir } from '../support/shop-server';
import { addAgent, conversationWith, handoffFixture, manualClock, type HandoffFixture } from './fixtures';

const ask = (f: HandoffFixture, conversationId: string, language = 'en', intent = 'track_order') =>
  f.service.request({ conversationId, trigger: 'asked', language, intent, sentimentScore: 0 });

describe('handoff service', () => {
  let f: HandoffFixture;
  beforeEach(() => (f = handoffFixture()));
  afterEach(() => f.store.close());

  it('opens nothing and says so when no agent of the language is online', () => {
    addAgent(f.store, { online: false });
    addAgent(f.store, { languages: ['zh'] });
    const conversation = conversationWith(f.store);
    expect(ask(f, conversation.id)).toEqual({ wait: { kind: 'nobody_online' } });
    expect(f.store.handoffs.activeFor(conversation.id)).toBeUndefined();
  });

  it('queues with a summary, priority and team, and one active handoff per conversation', () => {
    addAgent(f.store);
    const conversation = conversationWith(f.store, ['where is my order 536365', 'hello??']);
    const first = ask(f, conversation.id, 'en', 'payment_issue');
    const again = ask(f, conversation.id);
    expect(first.handoff?.status).toBe('queued');
    expect(first.handoff?.team).toBe('billing');
    expect(first.handoff?.summary).toMatch(/2 messages in English/);
    expect(first.wait).toEqual({ kind: 'minutes', minutes: 1 });
    expect(again.handoff?.id).toBe(first.handoff?.id);
  });

  it('reads the current handoff in one query: the active one, else the latest, none before the first', () => {
    addAgent(f.store);
    const conversation = conversationWith(f.store);
    expect(f.store.handoffs.currentFor(conversation.id)).toBeUndefined();
    const first = ask(f, conversation.id).handoff!;
    expect(f.store.handoffs.currentFor(conversation.id)?.id).toBe(first.id);
    f.clock.advance(60_000);
    f.service.cancelByShopper(conversation.id);
    expect(f.store.handoffs.currentFor(conversation.id)).toMatchObject({ id: first.id, status: 'abandoned' });
    // A clock set back: the new active handoff is stamped before the ended one, and still comes first.
    f.clock.advance(-120_000);
    const second = ask(f, conversation.id).handoff!;
    expect(f.store.handoffs.latestFor(conversation.id)?.id).toBe(first.id);
    expect(f.store.handoffs.currentFor(conversation.id)).toMatchObject({ id: second.id, status: 'queued' });
  });

  it('gives a claim race between 10 agents exactly one owner', () => {
    const agents = Array.from({ length: 10 }, () => addAgent(f.store));
    const handoff = ask(f, conversationWith(f.store).id).handoff!;
    const outcomes = agents.map((agent) => {
      try {
        f.service.claim(handoff.id, agent);
        return 'won';
      } catch (err) {
        return (err as HandoffError).kind;
      }
    });
    expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(9);
    expect(f.store.handoffs.findById(handoff.id)?.agentId).toBe(agents[outcomes.indexOf('won')]?.id);
    expect(f.sent.at(-1)).toMatchObject({ role: 'system', text: expect.stringMatching(/joined/) });
  });

  it('refuses claims from agents who are away, do not speak the language, or are full', () => {
    const away = addAgent(f.store);
    f.store.users.setPresence(away.id, 'away');
    const zhOnly = addAgent(f.store, { languages: ['zh'] });
    const full = addAgent(f.store, { capacity: 1 });
    const first = ask(f, conversationWith(f.store).id).handoff!;
    f.service.claim(first.id, full);
    const second = ask(f, conversationWith(f.store).id).handoff!;
    for (const agent of [away, zhOnly, full]) {
      expect(() => f.service.claim(second.id, agent)).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    }
  });

  it('lets only the owner reply, transfer and resolve; resolving asks for CSAT', () => {
    const [owner, other] = [addAgent(f.store, { name: 'Olive' }), addAgent(f.store, { name: 'Otto' })];
    const handoff = ask(f, conversationWith(f.store).id).handoff!;
    f.service.claim(handoff.id, owner);
    expect(() => f.service.sendAsAgent(handoff.id, other, 'hi')).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    f.service.sendAsAgent(handoff.id, owner, 'Hello, Olive here');
    expect(f.sent.at(-1)).toMatchObject({ role: 'agent', text: 'Hello, Olive here' });
    const moved = f.service.transfer(handoff.id, owner, { agentId: other.id });
    expect(moved).toMatchObject({ status: 'transferred', targetAgentId: other.id });
    expect(() => f.service.claim(handoff.id, addAgent(f.store))).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    f.service.claim(handoff.id, other);
    const resolved = f.service.resolve(handoff.id, other);
    expect(resolved).toMatchObject({ status: 'resolved', endReason: 'resolved_by_agent' });
    expect(f.sent.at(-1)?.text).toMatch(/rate/);
    expect(f.store.handoffs.transitions(handoff.id).map((t) => `${t.from}>${t.to}`)).toEqual([
      'bot>queued',
      'queued>assigned',
      'assigned>transferred',
      'transferred>assigned',
      'assigned>resolved',
    ]);
  });

  it('requeues the conversations of an agent offline past the grace period', () => {
    const agent = addAgent(f.store);
    const sweeper = new HandoffSweeper(f.service, f.clock);
    const handoff = ask(f, conversationWith(f.store).id).handoff!;
    f.service.claim(handoff.id, agent);
    f.service.setPresence(agent, 'offline');
    f.clock.advance(30_000);
    expect(sweeper.sweep().requeued).toBe(0);
    f.clock.advance(31_000);
    expect(sweeper.sweep().requeued).toBe(1);
    expect(f.store.handoffs.findById(handoff.id)?.status).toBe('queued');
    expect(f.sent.at(-1)?.text).toMatch(/disconnected/);
  });

  it('requeues a transfer nobody takes, and closes an assigned conversation left silent', () => {
    const [owner, other] = [addAgent(f.store), addAgent(f.store)];
    const sweeper = new HandoffSweeper(f.service, f.clock);
    const handoff = ask(f, conversationWith(f.store).id).handoff!;
    f.service.claim(handoff.id, owner);
    f.service.transfer(handoff.id, owner, { team: 'billing' });
    expect(f.store.handoffs.findById(handoff.id)).toMatchObject({ status: 'transferred', team: 'billing', targetAgentId: null });
    f.clock.advance(120_001);
    expect(sweeper.sweep().requeued).toBe(1);
    expect(f.store.handoffs.findById(handoff.id)?.status).toBe('queued');
    f.service.claim(handoff.id, other);
    f.clock.advance(30 * 60_000 - 1);
    expect(sweeper.sweep().abandoned).toBe(0);
    f.clock.advance(2);
    expect(sweeper.sweep().abandoned).toBe(1);
    expect(f.store.handoffs.findById(handoff.id)).toMatchObject({ status: 'abandoned', endReason: 'shopper_inactive' });
    expect(f.sent.at(-1)?.text).toMatch(/closed after a while/);
  });

  it('auto-assigns to the least loaded eligible agent, team first', () => {
    f.store.close();
    f = handoffFixture(':memory:', { autoAssign: true });
    const general = addAgent(f.store, { teams: ['general'] });
    const billing = addAgent(f.store, { teams: ['billing'] });
    expect(ask(f, conversationWith(f.store).id, 'en', 'payment_issue').handoff?.agentId).toBe(billing.id);
    expect(ask(f, conversationWith(f.store).id, 'en', 'track_order').handoff?.agentId).toBe(general.id);
  });
});

describe('SLA deadlines across a restart', () => {
  it('expires a queued handoff whose deadline passed while the server was down, and offers a message', () => {
    const { dir, cleanup } = tempDir();
    const file = path.join(dir, 'shop.db');
    const clock = manualClock();
    try {
      const before = handoffFixture(file, { queueTimeoutMs: 600_000 }, clock);
      addAgent(before.store);
      const conversation = conversationWith(before.store);
      const handoff = ask(before, conversation.id).handoff!;
      before.store.close();

      clock.advance(10 * 60_000 + 1);
      const after = handoffFixture(file, { queueTimeoutMs: 600_000 }, clock);
      expect(after.store.handoffs.findById(handoff.id)).toMatchObject({ status: 'queued', deadlineAt: handoff.deadlineAt });
      const result = new HandoffSweeper(after.service, clock).sweep();
      expect(result.expired).toBe(1);
      expect(after.store.handoffs.findById(handoff.id)).toMatchObject({ status: 'expired', endReason: 'no_agent_in_time' });
      expect(after.store.handoffExtras.pendingFollowUp(conversation.id)?.status).toBe('awaiting_email');
      expect(after.sent.at(-1)?.text).toMatch(/leave a message/);
      after.store.close();
      expect(fs.existsSync(file)).toBe(true);
    } finally {
      cleanup();
    }
  });
});
