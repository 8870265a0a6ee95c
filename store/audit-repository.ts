import type { Database, Statement } from 'better-sqlite3';
import { isoNow, type Clock } from './clock';
import type { AuditEntry } from './types';

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

/** A change to record: who did what to which thing, and the thing before and after. */
export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  };
}

/** The audit log: every change the bot or the shop integration makes, append-only. */
export class AuditRepository {
  private readonly insert: Statement;
  private readonly byEntity: Statement<[string, string], AuditRow>;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare(`
      INSERT INTO audit_log (at, actor, action, entity_type, entity_id, before, after)
      VALUES (@at, @actor, @action, @entityType, @entityId, @before, @after)`);
    this.byEntity = db.prepare('SELECT * FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY id');
  }

  /** Appends one entry, stamped with the store's clock. */
  record(entry: NewAuditEntry): void {
    this.insert.run({
      ...entry,
      at: isoNow(this.clock),
      before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
    });
  }

  /** Every change to one thing, oldest first. */
  listFor(entityType: string, entityId: string): AuditEntry[] {
    return this.byEntity.all(entityType, entityId).map(toEntry);
  }

  /** The newest entries, newest first. */
  recent(limit = 50): AuditEntry[] {
    return (this.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as AuditRow[]).map(toEntry);
  }
}
