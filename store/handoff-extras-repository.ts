import type { Database, Statement } from 'better-sqlite3';
import { isoNow, type Clock, type IdGenerator } from './clock';
import { statements } from './statements';
import type { AgentNote, CannedReply, FollowUp } from './types';

interface FollowUpRow {
  id: string;
  conversation_id: string;
  status: FollowUp['status'];
  email: string | null;
  text: string | null;
  created_at: string;
  updated_at: string;
}

function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    status: row.status,
    email: row.email,
    text: row.text,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What agents keep around handoffs: private notes, canned replies, CSAT ratings, follow-ups. */
export class HandoffExtrasRepository {
  /** Statements are prepared once and reused: these run on every bot turn. */
  private readonly sql: (sql: string) => Statement;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    this.sql = statements(db);
  }

  addNote(conversationId: string, authorId: string, text: string): AgentNote {
    const id = this.ids.next('note');
    this
      .sql('INSERT INTO agent_notes (id, conversation_id, author_id, text, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, conversationId, authorId, text, isoNow(this.clock));
    return this.notes(conversationId).find((n) => n.id === id) as AgentNote;
  }

  /** A conversation's private notes, oldest first. */
  notes(conversationId: string): AgentNote[] {
    return this
      .sql(`SELECT n.id, n.conversation_id AS conversationId, n.author_id AS authorId, u.name AS authorName, n.text,
          n.created_at AS createdAt
        FROM agent_notes n JOIN users u ON u.id = n.author_id WHERE n.conversation_id = ? ORDER BY n.created_at, n.rowid`)
      .all(conversationId) as AgentNote[];
  }

  /** Canned replies, by locale then title. */
  cannedReplies(): CannedReply[] {
    return this.sql('SELECT id, locale, title, text FROM canned_replies ORDER BY locale, title').all() as CannedReply[];
  }

  addCannedReply(reply: Omit<CannedReply, 'id'>): CannedReply {
    const id = this.ids.next('can');
    this
      .sql('INSERT INTO canned_replies (id, locale, title, text, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, reply.locale, reply.title, reply.text, isoNow(this.clock));
    return { id, ...reply };
  }

  /** Stores a rating once per handoff; returns false when it was rated already. */
  rate(handoffId: string, conversationId: string, agentId: string | null, score: number): boolean {
    const result = this
      .sql(`INSERT INTO csat_ratings (handoff_id, conversation_id, agent_id, score, created_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (handoff_id) DO NOTHING`)
      .run(handoffId, conversationId, agentId, score, isoNow(this.clock));
    return result.changes === 1;
  }

  /** The rating of a handoff, if given. */
  ratingOf(handoffId: string): number | undefined {
    return this.sql('SELECT score FROM csat_ratings WHERE handoff_id = ?').pluck().get(handoffId) as number | undefined;
  }

  /** Starts a leave-a-message request (waiting for the shopper's email). */
  openFollowUp(conversationId: string): FollowUp {
    const id = this.ids.next('fup');
    const now = isoNow(this.clock);
    this
      .sql("UPDATE follow_ups SET status = 'dropped', updated_at = ? WHERE conversation_id = ? AND status LIKE 'awaiting%'")
      .run(now, conversationId);
    this
      .sql("INSERT INTO follow_ups (id, conversation_id, status, created_at, updated_at) VALUES (?, ?, 'awaiting_email', ?, ?)")
      .run(id, conversationId, now, now);
    return this.pendingFollowUp(conversationId) as FollowUp;
  }

  /** The conversation's follow-up still waiting for the shopper's email or message. */
  pendingFollowUp(conversationId: string): FollowUp | undefined {
    const row = this
      .sql("SELECT * FROM follow_ups WHERE conversation_id = ? AND status LIKE 'awaiting%' ORDER BY created_at DESC LIMIT 1")
      .get(conversationId) as FollowUpRow | undefined;
    return row && toFollowUp(row);
  }

  /** Moves a follow-up on (email given, message stored, or dropped). */
  updateFollowUp(id: string, change: Pick<FollowUp, 'status'> & Partial<Pick<FollowUp, 'email' | 'text'>>): void {
    this
      .sql('UPDATE follow_ups SET status = ?, email = coalesce(?, email), text = coalesce(?, text), updated_at = ? WHERE id = ?')
      .run(change.status, change.email ?? null, change.text ?? null, isoNow(this.clock), id);
  }

  /** Stored follow-ups, newest first (for the console's inbox of messages left). */
  storedFollowUps(limit = 100): FollowUp[] {
    const rows = this
      .sql("SELECT * FROM follow_ups WHERE status = 'stored' ORDER BY updated_at DESC LIMIT ?")
      .all(limit) as FollowUpRow[];
    return rows.map(toFollowUp);
  }
}
