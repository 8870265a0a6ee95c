import type { Database, Statement } from 'better-sqlite3';
import { isoNow, type Clock, type IdGenerator } from './clock';
import { statements } from './statements';
import type { Handoff, HandoffStatus, HandoffTrigger } from './types';

interface HandoffRow {
  id: string;
  conversation_id: string;
  status: Handoff['status'];
  trigger: HandoffTrigger;
  language: string;
  team: string;
  priority: number;
  intent: string | null;
  sentiment_score: number | null;
  summary: string;
  agent_id: string | null;
  target_agent_id: string | null;
  queued_at: string;
  assigned_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
  deadline_at: string | null;
  agent_read_seq: number;
  csat_asked_at: string | null;
  updated_at: string;
}

function toHandoff(row: HandoffRow): Handoff {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    status: row.status,
    trigger: row.trigger,
    language: row.language,
    team: row.team,
    priority: row.priority,
    intent: row.intent,
    sentimentScore: row.sentiment_score,
    summary: row.summary,
    agentId: row.agent_id,
    targetAgentId: row.target_agent_id,
    queuedAt: row.queued_at,
    assignedAt: row.assigned_at,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    deadlineAt: row.deadline_at,
    agentReadSeq: row.agent_read_seq,
    csatAskedAt: row.csat_asked_at,
    updatedAt: row.updated_at,
  };
}

/** A handoff to open (it starts queued). */
export interface NewHandoff {
  conversationId: string;
  trigger: HandoffTrigger;
  language: string;
  team: string;
  priority: number;
  intent: string | null;
  sentimentScore: number | null;
  summary: string;
  deadlineAt: string;
  /** The shopper message whose turn opens it (none: opened otherwise, e.g. by an agent). */
  openedByMessage?: string;
}

/** Fields a transition may set besides the status. */
export interface HandoffPatch {
  agentId?: string | null;
  targetAgentId?: string | null;
  assignedAt?: string | null;
  endedAt?: string | null;
  endReason?: string | null;
  deadlineAt?: string | null;
  /** A transfer to a team changes the team. */
  team?: string;
}

/** A guarded status change: applied only while the row is still in one of `from`. */
export interface HandoffTransition {
  id: string;
  from: readonly HandoffStatus[];
  to: Handoff['status'];
  /** Why, kept in the transition log (and as the end reason of final statuses). */
  reason: string;
  actorId?: string | null;
  /** Only while this agent owns the handoff. */
  ownedBy?: string;
  patch?: HandoffPatch;
}

const ACTIVE = "('queued', 'assigned', 'transferred')";
const PATCH_COLUMNS: Record<keyof HandoffPatch, string> = {
  agentId: 'agent_id',
  targetAgentId: 'target_agent_id',
  assignedAt: 'assigned_at',
  endedAt: 'ended_at',
  endReason: 'end_reason',
  deadlineAt: 'deadline_at',
  team: 'team',
};

/**
 * Handoffs: every change is a conditional UPDATE on the expected current status inside one
 * transaction with its log line, so two agents (or an agent and the sweeper) acting at once
 * cannot both win.
 */
export class HandoffsRepository {
  /** Statements are prepared once and reused: these run on every bot turn. */
  private readonly sql: (sql: string) => Statement;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    this.sql = statements(db);
  }

  /** Opens a queued handoff; returns the active one instead when the conversation has one. */
  open(handoff: NewHandoff): { handoff: Handoff; created: boolean } {
    return this.db.transaction(() => {
      const active = this.activeFor(handoff.conversationId);
      if (active) return { handoff: active, created: false };
      const id = this.ids.next('hof');
      const now = isoNow(this.clock);
      this
        .sql(`INSERT INTO handoffs (id, conversation_id, status, trigger, language, team, priority, intent, sentiment_score,
            summary, queued_at, deadline_at, updated_at, opened_by_message)
          VALUES (@id, @conversationId, 'queued', @trigger, @language, @team, @priority, @intent, @sentimentScore,
            @summary, @now, @deadlineAt, @now, @openedByMessage)`)
        .run({ ...handoff, openedByMessage: handoff.openedByMessage ?? null, id, now });
      this.log(id, 'bot', 'queued', handoff.trigger, null, now);
      return { handoff: this.findById(id) as Handoff, created: true };
    }).immediate();
  }

  /** Applies a transition if the handoff is still where the caller expects; undefined otherwise. */
  transition(t: HandoffTransition): Handoff | undefined {
    return this.db.transaction(() => {
      const current = this.findById(t.id);
      if (!current || !t.from.includes(current.status)) return undefined;
      const now = isoNow(this.clock);
      const sets = ['status = @to', 'updated_at = @now'];
      const params: Record<string, unknown> = { id: t.id, to: t.to, now, owner: t.ownedBy ?? null, from: current.status };
      for (const [key, column] of Object.entries(PATCH_COLUMNS) as [keyof HandoffPatch, string][]) {
        if (t.patch && key in t.patch) {
          sets.push(`${column} = @${key}`);
          params[key] = t.patch[key] ?? null;
        }
      }
      const result = this
        .sql(`UPDATE handoffs SET ${sets.join(', ')} WHERE id = @id AND status = @from AND (@owner IS NULL OR agent_id = @owner)`)
        .run(params);
      if (result.changes !== 1) return undefined;
      this.log(t.id, current.status, t.to, t.reason, t.actorId ?? null, now);
      return this.findById(t.id);
    }).immediate();
  }

  /**
   * Gives a waiting handoff to an agent, atomically: only while it is still queued (or
   * transferred to this agent or to anyone), and only while the agent has room under `capacity`.
   * Of many agents claiming at once exactly one gets it.
   */
  claim(id: string, agentId: string, capacity: number, deadlineAt: string | null): Handoff | undefined {
    return this.db.transaction(() => {
      const now = isoNow(this.clock);
      const current = this.findById(id);
      if (!current) return undefined;
      const result = this
        .sql(`UPDATE handoffs SET status = 'assigned', agent_id = @agentId, target_agent_id = NULL, assigned_at = @now,
            deadline_at = @deadlineAt, agent_read_seq = 0, updated_at = @now
          WHERE id = @id AND status IN ('queued', 'transferred')
            AND (target_agent_id IS NULL OR target_agent_id = @agentId)
            AND (SELECT count(*) FROM handoffs WHERE agent_id = @agentId AND status = 'assigned') < @capacity`)
        .run({ id, agentId, now, deadlineAt, capacity });
      if (result.changes !== 1) return undefined;
      this.log(id, current.status, 'assigned', 'claimed', agentId, now);
      return this.findById(id);
    }).immediate();
  }

  findById(id: string): Handoff | undefined {
    const row = this.sql('SELECT * FROM handoffs WHERE id = ?').get(id) as HandoffRow | undefined;
    return row && toHandoff(row);
  }

  /** The conversation's handoff in progress (queued, assigned or transferred). */
  activeFor(conversationId: string): Handoff | undefined {
    const row = this.sql(`SELECT * FROM handoffs WHERE conversation_id = ? AND status IN ${ACTIVE}`).get(conversationId) as
      | HandoffRow
      | undefined;
    return row && toHandoff(row);
  }

  /** The active handoff the turn of this shopper message opened, if any. */
  activeOpenedBy(messageId: string): Handoff | undefined {
    const row = this.sql(`SELECT * FROM handoffs WHERE opened_by_message = ? AND status IN ${ACTIVE}`).get(messageId) as HandoffRow | undefined;
    return row && toHandoff(row);
  }

  /**
   * The conversation's handoff in progress when it has one, else its most recent one (as
   * {@link latestFor}); undefined when it never had one. One read for what every bot turn asks:
   * do humans own the conversation, and when did they last give it back.
   */
  currentFor(conversationId: string): Handoff | undefined {
    const row = this
      .sql(`SELECT * FROM handoffs WHERE conversation_id = ? ORDER BY status IN ${ACTIVE} DESC, queued_at DESC, rowid DESC LIMIT 1`)
      .get(conversationId) as HandoffRow | undefined;
    return row && toHandoff(row);
  }

  /** The conversation's most recent handoff, whatever its status. */
  latestFor(conversationId: string): Handoff | undefined {
    const row = this
      .sql('SELECT * FROM handoffs WHERE conversation_id = ? ORDER BY queued_at DESC, rowid DESC LIMIT 1')
      .get(conversationId) as HandoffRow | undefined;
    return row && toHandoff(row);
  }

  /** Handoffs waiting for an agent: highest priority first, then longest waiting. */
  waiting(): Handoff[] {
    const rows = this
      .sql("SELECT * FROM handoffs WHERE status IN ('queued', 'transferred') ORDER BY priority DESC, queued_at, rowid")
      .all() as HandoffRow[];
    return rows.map(toHandoff);
  }

  /** Handoffs an agent owns now. */
  assignedTo(agentId: string): Handoff[] {
    const rows = this
      .sql("SELECT * FROM handoffs WHERE agent_id = ? AND status = 'assigned' ORDER BY assigned_at")
      .all(agentId) as HandoffRow[];
    return rows.map(toHandoff);
  }

  /** How many handoffs each agent owns now. */
  loads(): Map<string, number> {
    const rows = this
      .sql("SELECT agent_id AS agentId, count(*) AS n FROM handoffs WHERE status = 'assigned' GROUP BY agent_id")
      .all() as { agentId: string; n: number }[];
    return new Map(rows.map((r) => [r.agentId, r.n]));
  }

  /** Active handoffs whose deadline has passed. */
  due(): Handoff[] {
    const rows = this
      .sql(`SELECT * FROM handoffs WHERE status IN ${ACTIVE} AND deadline_at IS NOT NULL AND deadline_at <= ? ORDER BY deadline_at`)
      .all(isoNow(this.clock)) as HandoffRow[];
    return rows.map(toHandoff);
  }

  /** Assigned handoffs whose agent has been offline since before `cutoffIso`. */
  ownedByAgentsOfflineSince(cutoffIso: string): Handoff[] {
    const rows = this
      .sql(`SELECT h.* FROM handoffs h JOIN users u ON u.id = h.agent_id
        WHERE h.status = 'assigned' AND u.presence = 'offline' AND u.presence_at <= ?`)
      .all(cutoffIso) as HandoffRow[];
    return rows.map(toHandoff);
  }

  /** Pushes an active handoff's deadline (the shopper or the agent just wrote). */
  extendDeadline(id: string, deadlineAt: string): void {
    this.sql(`UPDATE handoffs SET deadline_at = ?, updated_at = ? WHERE id = ? AND status IN ${ACTIVE}`).run(deadlineAt, isoNow(this.clock), id);
  }

  /** Records how far the owning agent has read. Only ever moves forward. */
  markRead(id: string, seq: number): void {
    this.sql('UPDATE handoffs SET agent_read_seq = max(agent_read_seq, ?) WHERE id = ?').run(seq, id);
  }

  /** Notes that the shopper was asked for a rating. */
  markCsatAsked(id: string): void {
    this.sql('UPDATE handoffs SET csat_asked_at = ? WHERE id = ?').run(isoNow(this.clock), id);
  }

  /** Mean time from assignment to resolution over the last `limit` resolved handoffs, if any. */
  meanHandleMs(limit = 50): number | undefined {
    const rows = this
      .sql(`SELECT assigned_at AS a, ended_at AS e FROM handoffs WHERE status = 'resolved' AND assigned_at IS NOT NULL
        ORDER BY ended_at DESC LIMIT ?`)
      .all(limit) as { a: string; e: string }[];
    if (rows.length === 0) return undefined;
    return rows.reduce((sum, r) => sum + (Date.parse(r.e) - Date.parse(r.a)), 0) / rows.length;
  }

  /** The transition log of a handoff, oldest first. */
  transitions(id: string): { from: HandoffStatus; to: HandoffStatus; reason: string; actorId: string | null; at: string }[] {
    return this
      .sql('SELECT from_status AS "from", to_status AS "to", reason, actor_id AS actorId, at FROM handoff_transitions WHERE handoff_id = ? ORDER BY seq')
      .all(id) as { from: HandoffStatus; to: HandoffStatus; reason: string; actorId: string | null; at: string }[];
  }

  private log(id: string, from: HandoffStatus, to: HandoffStatus, reason: string, actorId: string | null, at: string): void {
    this
      .sql('INSERT INTO handoff_transitions (handoff_id, from_status, to_status, reason, actor_id, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, from, to, reason, actorId, at);
  }
}
