import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { isoNow, type Clock, type IdGenerator } from './clock';

/** What a privacy request did. */
export type PrivacyRequestKind = 'export' | 'delete' | 'retention';

/** One logged privacy request (the subject only as a hash). */
export interface PrivacyRequest {
  id: string;
  kind: PrivacyRequestKind;
  subjectHash: string | null;
  rows: number;
  at: string;
}

/** Every stored row about one person, by table (what an export returns and an erasure deletes). */
export type PersonalRows = Record<string, Record<string, unknown>[]>;

/**
 * The kinds of id that tie rows to a person. A column `<kind>_id` holds one, and so does the
 * `id` of the kind's own table; the sets grow until nothing new turns up.
 */
const ID_KINDS = {
  customer: 'customers',
  order: 'orders',
  session: 'sessions',
  conversation: 'conversations',
  handoff: 'handoffs',
  return: 'returns',
} as const;
type IdKind = keyof typeof ID_KINDS;
type Subject = Record<IdKind, Set<string>> & { emails: Set<string>; names: Set<string> };

/**
 * The shop's own tables (catalog, shipping, policies, console users, bookkeeping): never
 * personal data of a shopper, so they are not swept (a product named like a person stays).
 */
const SHOP_TABLES = new Set([
  'products', 'shipping_zones', 'shipping_rates', 'shop_policies', 'canned_replies', 'users', 'auth_sessions',
  'login_failures', 'schema_migrations', 'sqlite_sequence', 'privacy_requests',
  // The catalog's full-text index (migration 22) and the tables SQLite keeps it in: read-only to us.
  'products_search', ...['data', 'idx', 'docsize', 'config'].map((shadow) => `products_search_${shadow}`),
]);

/**
 * Free-text columns. A full name, or a short number such as a customer or order id, counts as
 * a mention only here: elsewhere "12347" may be another row's product code and a name another
 * person's `name`. Emails and the long random ids count anywhere.
 */
const FREE_TEXT_COLUMNS = /^(text|summary|body|payload|before|after|value|entities|reference|shipping_address|address|reason|key)$/;
/** Ids that are long and random enough never to collide with unrelated text. */
const STRONG_ID = /^[a-z]+_[A-Za-z0-9_-]{12,}$/;

/** `everything`: links, emails and mentions in any text; `links-first`: mentions only in tables with no link. */
type MatchMode = 'everything' | 'links-first';

interface TableShape {
  name: string;
  columns: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole-token, case-insensitive matcher of any of `tokens` (undefined when there are none). */
function tokenPattern(tokens: Iterable<string>): RegExp | undefined {
  const list = [...tokens].filter((t) => t.length > 0).map(escapeRegExp);
  return list.length === 0 ? undefined : new RegExp(`(?<![\\w.@-])(?:${list.join('|')})(?![\\w@-]|\\.\\w)`, 'i');
}

/** The SHA-256 of a lower-cased email: the privacy log's way of naming a subject. */
export function subjectHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/**
 * Finds, exports and erases everything stored about one shopper, and purges old
 * conversations. Driven by the schema, not a list of tables: a table another feature adds
 * later is covered as long as it names its links `<kind>_id` (or mentions ids in its text).
 * Erasure scans every text column once; it is a rare, deliberate operation.
 */
export class PrivacyRepository {
  /** What the SQL function `privacy_mentions` looks for in the statement being run. */
  private patterns: { strong?: RegExp; weak?: RegExp } = {};

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    // Whole-token matching needs a regular expression, which SQLite's LIKE cannot express.
    db.function('privacy_mentions', { deterministic: true }, (value: unknown, column: unknown) => {
      if (typeof value !== 'string') return 0;
      const { strong, weak } = this.patterns;
      return strong?.test(value) || (weak?.test(value) === true && FREE_TEXT_COLUMNS.test(String(column))) ? 1 : 0;
    });
  }

  /** Every row about the person with this email (empty when the store knows nothing of them). */
  collect(email: string): PersonalRows {
    return this.db.transaction(() => this.rowsOf(this.subjectOf(email)))();
  }

  /** Deletes every row about the person with this email, in one transaction; returns the count. */
  erase(email: string): number {
    return this.db.transaction(() => {
      const subject = this.subjectOf(email);
      // Children and parents go in one sweep; the foreign keys are checked at the commit.
      this.db.pragma('defer_foreign_keys = ON');
      let deleted = 0;
      for (const table of this.personalTables()) deleted += this.deleteMatching(table, subject);
      return deleted;
    })();
  }

  /**
   * Deletes conversations (with their messages, handoffs, notes, bot state...) that saw no
   * message since `beforeIso` and have no handoff in progress.
   *
   * @returns how many conversations were deleted
   */
  purgeConversations(beforeIso: string, batch = 500): number {
    return this.db.transaction(() => {
      const ids = this.db
        .prepare(`SELECT id FROM conversations c WHERE updated_at < ? AND NOT EXISTS (
            SELECT 1 FROM handoffs h WHERE h.conversation_id = c.id AND h.status IN ('queued', 'assigned', 'transferred'))
          ORDER BY updated_at LIMIT ?`)
        .pluck()
        .all(beforeIso, batch) as string[];
      if (ids.length === 0) return 0;
      const subject = emptySubject();
      for (const id of ids) subject.conversation.add(id);
      this.grow(subject, ['handoff']);
      this.db.pragma('defer_foreign_keys = ON');
      // Tables linked by id are purged through their indexed links; only the others are scanned.
      for (const table of this.personalTables()) this.deleteMatching(table, subject, 'links-first');
      return ids.length;
    })();
  }

  /** Logs a request (the subject as {@link subjectHash}). */
  record(kind: PrivacyRequestKind, email: string | undefined, rows: number): PrivacyRequest {
    const request: PrivacyRequest = { id: this.ids.next('prv'), kind, subjectHash: email ? subjectHash(email) : null, rows, at: isoNow(this.clock) };
    this.db.prepare('INSERT INTO privacy_requests (id, kind, subject_hash, rows, at) VALUES (@id, @kind, @subjectHash, @rows, @at)').run(request);
    return request;
  }

  /** The logged requests, newest first. */
  requests(limit = 100): PrivacyRequest[] {
    return this.db
      .prepare('SELECT id, kind, subject_hash AS subjectHash, rows, at FROM privacy_requests ORDER BY at DESC, id DESC LIMIT ?')
      .all(limit) as PrivacyRequest[];
  }

  /** Tables that may hold shoppers' data, with their columns. */
  personalTables(): TableShape[] {
    const names = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return names
      .filter((name) => !SHOP_TABLES.has(name))
      .map((name) => ({ name, columns: (this.db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name) }));
  }

  private subjectOf(email: string): Subject {
    const subject = emptySubject();
    const address = email.trim().toLowerCase();
    if (address === '') return subject;
    subject.emails.add(address);
    for (const row of this.db.prepare('SELECT id, name FROM customers WHERE lower(email) = ?').all(address) as { id: string; name: string }[]) {
      subject.customer.add(row.id);
      if (row.name.trim().includes(' ')) subject.names.add(row.name.trim());
    }
    // Orders keep their own email (guest checkouts have no customer row).
    for (const id of this.db.prepare('SELECT id FROM orders WHERE lower(email) = ?').pluck().all(address) as string[]) subject.order.add(id);
    this.grow(subject, Object.keys(ID_KINDS) as IdKind[]);
    return subject;
  }

  /**
   * Adds the ids reachable from what is known: orders of the customer, sessions, their
   * conversations, conversations whose text mentions the person, their handoffs...
   */
  private grow(subject: Subject, kinds: IdKind[]): void {
    for (let round = 0; round < 8; round += 1) {
      const before = size(subject);
      for (const table of this.personalTables()) {
        const owned = (Object.entries(ID_KINDS) as [IdKind, string][]).find(([, t]) => t === table.name)?.[0];
        if (!owned || !kinds.includes(owned)) continue;
        for (const row of this.matching(table, subject)) {
          subject[owned].add(String(row.id));
          // Its links belong to the same person: a conversation's session, an order's customer.
          for (const kind of kinds) if (typeof row[`${kind}_id`] === 'string') subject[kind].add(row[`${kind}_id`] as string);
        }
      }
      for (const row of this.matching({ name: 'messages', columns: ['conversation_id', 'text', 'entities'] }, subject)) {
        if (kinds.includes('conversation')) subject.conversation.add(String(row.conversation_id));
      }
      if (size(subject) === before) return;
    }
  }

  private rowsOf(subject: Subject): PersonalRows {
    const rows: PersonalRows = {};
    for (const table of this.personalTables()) {
      const found = this.matching(table, subject);
      if (found.length > 0) rows[table.name] = found;
    }
    return rows;
  }

  private matching(table: TableShape, subject: Subject): Record<string, unknown>[] {
    const where = this.whereOf(table, subject);
    if (!where) return [];
    return this.db.prepare(`SELECT * FROM "${table.name}" WHERE ${where.sql}`).all(...where.params) as Record<string, unknown>[];
  }

  private deleteMatching(table: TableShape, subject: Subject, mode: MatchMode = 'everything'): number {
    const where = this.whereOf(table, subject, mode);
    if (!where) return 0;
    return this.db.prepare(`DELETE FROM "${table.name}" WHERE ${where.sql}`).run(...where.params).changes;
  }

  /** The condition that picks a table's rows about the subject: id links, emails, mentions in text. */
  private whereOf(table: TableShape, subject: Subject, mode: MatchMode = 'everything'): { sql: string; params: string[] } | undefined {
    const clauses: string[] = [];
    const params: string[] = [];
    for (const [kind, owner] of Object.entries(ID_KINDS) as [IdKind, string][]) {
      const column = table.name === owner ? 'id' : table.columns.includes(`${kind}_id`) ? `${kind}_id` : undefined;
      if (!column || subject[kind].size === 0) continue;
      clauses.push(`"${column}" IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify([...subject[kind]]));
    }
    if (table.columns.includes('email') && subject.emails.size > 0) {
      clauses.push('lower("email") IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify([...subject.emails]));
    }
    if (mode === 'links-first' && clauses.length > 0) return { sql: clauses.join(' OR '), params };
    const ids = [...subject.order, ...subject.customer, ...subject.session, ...subject.conversation, ...subject.handoff, ...subject.return];
    this.patterns = {
      strong: tokenPattern([...subject.emails, ...ids.filter((id) => STRONG_ID.test(id))]),
      weak: tokenPattern([...subject.names, ...ids.filter((id) => !STRONG_ID.test(id))]),
    };
    if (this.patterns.strong || this.patterns.weak) {
      for (const column of table.columns) clauses.push(`privacy_mentions("${column}", '${column}') = 1`);
    }
    return clauses.length === 0 ? undefined : { sql: clauses.join(' OR '), params };
  }
}

function emptySubject(): Subject {
  return {
    customer: new Set(), order: new Set(), session: new Set(), conversation: new Set(), handoff: new Set(), return: new Set(),
    emails: new Set(), names: new Set(),
  };
}

function size(subject: Subject): number {
  return Object.values(subject).reduce((n, set) => n + set.size, 0);
}
