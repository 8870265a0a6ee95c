import { isoNow, type Clock, type Handoff, type HandoffTrigger, type Presence, type Store, type StoredMessage, type User } from '../../store';
import { textsFor } from '../texts';
import type { ConversationDelivery, OutgoingMessage } from './delivery';
import { HandoffEvents } from './events';
import { estimateWait, pickAgent, routeHandoff, type WaitEstimate } from './routing';
import { sourcesOf, type EndReason } from './state-machine';
import { summarise } from './summary';

/** SLA deadlines and routing mode. */
export interface HandoffSettings {
  /** A queued handoff nobody takes expires after this. @default 600000 (10 min) */
  queueTimeoutMs: number;
  /** An assigned handoff with no message from either side is abandoned after this. @default 1800000 (30 min) */
  idleTimeoutMs: number;
  /** A transfer nobody accepts goes back to the queue after this. @default 120000 (2 min) */
  transferTimeoutMs: number;
  /** An agent offline this long loses their conversations to the queue. @default 60000 (1 min) */
  offlineGraceMs: number;
  /** Hand waiting conversations to the best eligible agent without a claim. @default false */
  autoAssign: boolean;
  /** Handling time assumed before any handoff was resolved. @default 300000 (5 min) */
  defaultHandleMs: number;
}

/** Defaults of {@link HandoffSettings}. */
export const DEFAULT_HANDOFF_SETTINGS: HandoffSettings = {
  queueTimeoutMs: 600_000,
  idleTimeoutMs: 1_800_000,
  transferTimeoutMs: 120_000,
  offlineGraceMs: 60_000,
  autoAssign: false,
  defaultHandleMs: 300_000,
};

/** A refused handoff action, with the kind the API maps to a status. */
export class HandoffError extends Error {
  constructor(
    readonly kind: 'not_found' | 'conflict' | 'forbidden',
    message: string,
  ) {
    super(message);
    this.name = 'HandoffError';
  }
}

/** The shopper's reading that opens a handoff. */
export interface HandoffRequest {
  conversationId: string;
  trigger: HandoffTrigger;
  language: string;
  intent: string | null;
  sentimentScore: number | null;
  /** The stored shopper message whose turn asks for it: a rerun of that turn after a crash finds it. */
  openedByMessage?: string;
}

/** Intents that go to the billing team; everything else to `general`. */
const BILLING_INTENTS = new Set(['payment_issue', 'refund_status', 'refund_policy', 'invoice', 'coupon_question']);

/** Where a conversation goes: the team for its intent. */
export function teamFor(intent: string | null): string {
  return intent && BILLING_INTENTS.has(intent) ? 'billing' : 'general';
}

function priorityOf(trigger: HandoffTrigger, sentimentScore: number | null): number {
  const base = trigger === 'asked' ? 1 : 2;
  return base + (sentimentScore !== null && sentimentScore <= -0.5 ? 1 : 0);
}

/**
 * The rules of human handoff over the store: open, claim, chat, transfer, resolve. Every status
 * change goes through the state machine's guard as one conditional UPDATE, so concurrent actors
 * cannot both win; every message to the shopper is stored first, then delivered.
 */
export class HandoffService {
  readonly events = new HandoffEvents();

  constructor(
    readonly store: Store,
    private readonly delivery: ConversationDelivery,
    private readonly clock: Clock,
    readonly settings: HandoffSettings = DEFAULT_HANDOFF_SETTINGS,
  ) {}

  /** ISO time `ms` from now. */
  after(ms: number): string {
    return new Date(this.clock.now() + ms).toISOString();
  }

  /** Stores and delivers a message to the shopper, and shows it to the agents watching. */
  post(conversationId: string, message: OutgoingMessage): StoredMessage {
    const stored = this.delivery.post(conversationId, message);
    this.events.emit({ type: 'message', conversationId, message: stored });
    return stored;
  }

  /** Opens a handoff, or says nobody is online (then none is opened). */
  request(req: HandoffRequest): { handoff?: Handoff; wait: WaitEstimate } {
    const team = teamFor(req.intent);
    const view = routeHandoff({ language: req.language, team, targetAgentId: null }, this.store.users.all(), this.store.handoffs.loads());
    if (view.online.length === 0) return { wait: { kind: 'nobody_online' } };
    const { handoff, created } = this.store.handoffs.open({
      ...req,
      team,
      priority: priorityOf(req.trigger, req.sentimentScore),
      summary: summarise(this.store.conversations.messages(req.conversationId, 100), req.trigger),
      deadlineAt: this.after(this.settings.queueTimeoutMs),
    });
    if (created) this.events.emit({ type: 'changed', handoff });
    if (this.settings.autoAssign) this.assignWaiting();
    const current = this.store.handoffs.findById(handoff.id) as Handoff;
    return { handoff: current, wait: this.waitFor(current) };
  }

  /** The shopper's expected wait for a waiting handoff. */
  waitFor(handoff: Handoff): WaitEstimate {
    const queue = this.store.handoffs.waiting();
    const ahead = queue.findIndex((h) => h.id === handoff.id);
    const sameLanguageAhead = queue.slice(0, Math.max(0, ahead)).filter((h) => h.language === handoff.language).length;
    const view = routeHandoff(handoff, this.store.users.all(), this.store.handoffs.loads());
    return estimateWait(view, sameLanguageAhead, this.store.handoffs.meanHandleMs() ?? this.settings.defaultHandleMs);
  }

  /** True when the agent may take this handoff now (online, speaks the language, has room, is the target). */
  canTake(handoff: Handoff, agent: User): boolean {
    return routeHandoff(handoff, [agent], this.store.handoffs.loads()).eligible.length === 1;
  }

  /** An agent claims a waiting handoff; of many claiming at once, exactly one wins. */
  claim(handoffId: string, agent: User): Handoff {
    const handoff = this.require(handoffId);
    const fresh = this.store.users.findById(agent.id) ?? agent;
    if (!this.canTake(handoff, fresh)) throw new HandoffError('forbidden', 'you cannot take this conversation now (offline, language, capacity or transfer target)');
    const claimed = this.store.handoffs.claim(handoffId, agent.id, fresh.capacity, this.after(this.settings.idleTimeoutMs));
    if (!claimed) throw new HandoffError('conflict', 'someone else took this conversation');
    this.post(claimed.conversationId, { role: 'system', text: textsFor(claimed.language).handoff.agentJoined(agent.name) });
    this.events.emit({ type: 'changed', handoff: claimed });
    return claimed;
  }

  /** Gives waiting handoffs to the best eligible agents (auto-assignment). Returns how many. */
  assignWaiting(): number {
    let assigned = 0;
    for (const handoff of this.store.handoffs.waiting()) {
      const agent = pickAgent(handoff, this.store.users.all(), this.store.handoffs.loads());
      if (!agent) continue;
      try {
        this.claim(handoff.id, agent);
        assigned += 1;
      } catch (err) {
        if (!(err instanceof HandoffError)) throw err;
      }
    }
    return assigned;
  }

  /** An agent's message to the shopper: stored, delivered on the conversation's channel. */
  sendAsAgent(handoffId: string, agent: User, text: string): void {
    const handoff = this.requireOwned(handoffId, agent);
    const message = this.post(handoff.conversationId, { role: 'agent', text, payload: { agentName: agent.name } });
    this.store.handoffs.extendDeadline(handoff.id, this.after(this.settings.idleTimeoutMs));
    this.store.handoffs.markRead(handoff.id, message.seq);
  }

  /** Passes an owned handoff to another agent or to a team. */
  transfer(handoffId: string, agent: User, to: { agentId: string } | { team: string }): Handoff {
    const owned = this.requireOwned(handoffId, agent);
    const target = 'agentId' in to ? this.store.users.findById(to.agentId) : undefined;
    if ('agentId' in to && (!target || target.id === agent.id)) throw new HandoffError('not_found', 'no such colleague to transfer to');
    const moved = this.move(owned, 'transferred', 'transferred', agent.id, {
      targetAgentId: target?.id ?? null,
      team: 'team' in to ? to.team : owned.team,
      deadlineAt: this.after(this.settings.transferTimeoutMs),
    });
    this.post(moved.conversationId, { role: 'system', text: textsFor(moved.language).handoff.transferred });
    if (this.settings.autoAssign) this.assignWaiting();
    return moved;
  }

  /** Resolves an owned handoff: the bot takes the conversation back and asks for a CSAT rating. */
  resolve(handoffId: string, agent: User): Handoff {
    const owned = agent.role === 'manager' ? this.require(handoffId) : this.requireOwned(handoffId, agent);
    const resolved = this.end(owned, 'resolved', 'resolved_by_agent', agent.id);
    const texts = textsFor(resolved.language).handoff;
    this.post(resolved.conversationId, { role: 'bot', text: texts.resolved });
    this.post(resolved.conversationId, { role: 'bot', text: texts.askCsat, payload: { quickReplies: texts.csatChoices, csat: resolved.id } });
    this.store.handoffs.markCsatAsked(resolved.id);
    return resolved;
  }

  /** The shopper cancels while waiting. */
  cancelByShopper(conversationId: string): Handoff | undefined {
    const active = this.store.handoffs.activeFor(conversationId);
    if (!active || active.status === 'assigned') return undefined;
    return this.tryEnd(active, 'abandoned', 'shopper_cancelled', null);
  }

  /** A shopper message while humans own the conversation: keeps it alive and reaches the agents. */
  shopperWrote(conversationId: string, messageId: string): void {
    const active = this.store.handoffs.activeFor(conversationId);
    const message = this.store.conversations.findMessage(messageId);
    if (!active || !message) return;
    if (active.status === 'assigned') this.store.handoffs.extendDeadline(active.id, this.after(this.settings.idleTimeoutMs));
    this.events.emit({ type: 'message', conversationId, message });
  }

  /** Sets an agent's presence (online, away, offline) and routes waiting handoffs when one comes online. */
  setPresence(agent: User, presence: Presence): void {
    if (!this.store.users.setPresence(agent.id, presence)) return;
    const user = this.store.users.findById(agent.id) as User;
    this.events.emit({ type: 'presence', user });
    if (presence === 'online' && this.settings.autoAssign) this.assignWaiting();
  }

  /** Shows the shopper that the owning agent is typing. */
  agentTyping(handoffId: string, agent: User, typing: boolean): void {
    this.delivery.typing(this.requireOwned(handoffId, agent).conversationId, typing);
  }

  /** Tells the agents that the shopper is typing (only while humans own the conversation). */
  shopperTyping(conversationId: string, typing: boolean): void {
    if (this.store.handoffs.activeFor(conversationId)) this.events.emit({ type: 'shopper_typing', conversationId, typing });
  }

  /** Marks how far the owning agent has read. */
  markRead(handoffId: string, agent: User, seq: number): Handoff {
    const handoff = this.requireOwned(handoffId, agent);
    this.store.handoffs.markRead(handoff.id, seq);
    return this.store.handoffs.findById(handoff.id) as Handoff;
  }

  /** Moves a handoff to a final status with its end reason; undefined when someone moved it first. */
  tryEnd(handoff: Handoff, to: 'resolved' | 'abandoned' | 'expired', reason: EndReason, actorId: string | null): Handoff | undefined {
    return this.tryMove(handoff, to, reason, actorId, { endedAt: isoNow(this.clock), endReason: reason, deadlineAt: null });
  }

  /** Applies a guarded transition and announces it; undefined when the handoff moved meanwhile. */
  tryMove(handoff: Handoff, to: Handoff['status'], reason: string, actorId: string | null, patch: Parameters<Store['handoffs']['transition']>[0]['patch']): Handoff | undefined {
    const moved = this.store.handoffs.transition({ id: handoff.id, from: sourcesOf(to), to, reason, actorId, patch });
    if (moved) this.events.emit({ type: 'changed', handoff: moved });
    return moved;
  }

  private end(handoff: Handoff, to: 'resolved' | 'abandoned' | 'expired', reason: EndReason, actorId: string): Handoff {
    const ended = this.tryEnd(handoff, to, reason, actorId);
    if (!ended) throw new HandoffError('conflict', `the conversation is ${this.require(handoff.id).status} now`);
    return ended;
  }

  private move(handoff: Handoff, to: Handoff['status'], reason: string, actorId: string, patch: Parameters<HandoffService['tryMove']>[4]): Handoff {
    const moved = this.tryMove(handoff, to, reason, actorId, patch);
    if (!moved) throw new HandoffError('conflict', `the conversation is ${this.require(handoff.id).status} now`);
    return moved;
  }

  private require(handoffId: string): Handoff {
    const handoff = this.store.handoffs.findById(handoffId);
    if (!handoff) throw new HandoffError('not_found', 'no such handoff');
    return handoff;
  }

  private requireOwned(handoffId: string, agent: User): Handoff {
    const handoff = this.require(handoffId);
    if (handoff.status !== 'assigned' || handoff.agentId !== agent.id) throw new HandoffError('forbidden', 'you do not own this conversation');
    return handoff;
  }
}
