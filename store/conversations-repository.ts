import type { Database, Statement, Transaction } from 'better-sqlite3';
import { isoNow, type Clock, type IdGenerator } from './clock';
import { statements } from './statements';
import type { Channel, Conversation, MessageAnnotations, MessageRole, ShopperReading, StoredMessage } from './types';

interface ConversationRow {
  id: string;
  session_id: string;
  channel: Channel;
  locale: string;
  status: 'open' | 'closed';
  started_at: string;
  updated_at: string;
  closed_at: string | null;
}

interface MessageRow {
  seq: number;
  id: string;
  conversation_id: string;
  role: MessageRole;
  text: string;
  client_id: string | null;
  payload: string | null;
  created_at: string;
  locale: string | null;
  intent: string | null;
  confidence: number | null;
  sentiment_label: MessageAnnotations['sentimentLabel'] | null;
  sentiment_score: number | null;
  entities: string | null;
  turn_done_at: string | null;
}

/** A row of {@link ConversationsRepository.shopperReadings}, as an array. */
type ReadingRow = [
  id: string,
  text: string,
  locale: string | null,
  intent: string | null,
  confidence: number | null,
  sentimentLabel: MessageAnnotations['sentimentLabel'] | null,
  sentimentScore: number | null,
  entities: string | null,
];

function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    sessionId: row.session_id,
    channel: row.channel,
    locale: row.locale,
    status: row.status,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
  };
}

/** A stored NLU reading from its columns, whether they came as a row object or an array. */
function annotationsOf(
  locale: string | null,
  intent: string,
  confidence: number | null,
  sentimentLabel: MessageAnnotations['sentimentLabel'] | null,
  sentimentScore: number | null,
  entities: string | null,
): MessageAnnotations {
  return {
    locale: locale ?? 'en',
    intent,
    confidence: confidence ?? 0,
    sentimentLabel: sentimentLabel ?? 'neutral',
    sentimentScore: sentimentScore ?? 0,
    entities: entities ? (JSON.parse(entities) as unknown[]) : [],
  };
}

function toAnnotations(row: MessageRow): MessageAnnotations | null {
  if (row.intent === null) return null;
  return annotationsOf(row.locale, row.intent, row.confidence, row.sentiment_label, row.sentiment_score, row.entities);
}

function toMessage(row: MessageRow): StoredMessage {
  return {
    seq: row.seq,
    id: row.id,
    conversationId: row.conversation_id,
    role: row.role,
    text: row.text,
    clientId: row.client_id,
    payload: row.payload ? (JSON.parse(row.payload) as Record<string, unknown>) : null,
    createdAt: row.created_at,
    annotations: toAnnotations(row),
  };
}

/** A message to append. */
export interface NewMessage {
  conversationId: string;
  role: MessageRole;
  text: string;
  /** The sender's own id for the message; a repeat with the same id is stored once. */
  clientId?: string;
  payload?: Record<string, unknown>;
  annotations?: MessageAnnotations;
}

/** How fine `updated_at` (last activity) is kept; see {@link ConversationsRepository.touch}. */
const TOUCH_RESOLUTION_MS = 1000;

/** Conversations and their messages. */
export class ConversationsRepository {
  private readonly openFor: Statement<[string, string], ConversationRow>;
  private readonly insertConversation: Statement;
  private readonly byId: Statement<[string], ConversationRow>;
  private readonly insertMessage: Statement;
  private readonly byClientId: Statement<[string, string], MessageRow>;
  private readonly messageById: Statement<[string], MessageRow>;
  private readonly touchStmt: Statement<[{ at: string; id: string; since: string }]>;
  private readonly annotateStmt: Statement;
  private readonly turnDoneStmt: Statement<[string, string]>;
  private readonly annotateDoneStmt: Statement;
  private readonly appendInTransaction: Transaction<(message: NewMessage) => { message: StoredMessage; created: boolean }>;
  private readonly sql: (sql: string) => Statement;
  private readonly shopperReadingsStmt: Statement;
  /** NLU readings of turns under way, not committed yet: readers in this process see them already. */
  private readonly stagedReadings = new Map<string, MessageAnnotations>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    /** Applied to texts and entities before they are stored (PII redaction by policy). */
    private readonly transcriptFilter: (text: string) => string = (text) => text,
  ) {
    this.sql = statements(db);
    this.shopperReadingsStmt = db
      .prepare(`SELECT id, text, locale, intent, confidence, sentiment_label, sentiment_score, entities FROM messages
        WHERE conversation_id = ? AND role = 'shopper' AND created_at > ? ORDER BY seq DESC LIMIT ?`)
      .raw(true);
    this.openFor = db.prepare(`SELECT * FROM conversations WHERE session_id = ? AND channel = ? AND status = 'open'
      ORDER BY started_at DESC LIMIT 1`);
    this.insertConversation = db.prepare(`INSERT INTO conversations (id, session_id, channel, locale, status, started_at, updated_at)
      VALUES (@id, @sessionId, @channel, @locale, 'open', @now, @now)`);
    this.byId = db.prepare('SELECT * FROM conversations WHERE id = ?');
    this.insertMessage = db.prepare(`INSERT INTO messages (id, conversation_id, role, text, client_id, payload, created_at,
        locale, intent, confidence, sentiment_label, sentiment_score, entities)
      VALUES (@id, @conversationId, @role, @text, @clientId, @payload, @createdAt,
        @locale, @intent, @confidence, @sentimentLabel, @sentimentScore, @entities)
      ON CONFLICT (conversation_id, client_id) WHERE client_id IS NOT NULL DO NOTHING`);
    this.byClientId = db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND client_id = ?');
    this.messageById = db.prepare('SELECT * FROM messages WHERE id = ?');
    // Activity to the second: the row (and its `updated_at` index entry) is written only when the
    // time moves on by a second or more. A turn's replies come milliseconds after the shopper's
    // message, so they leave both pages of the write-ahead log alone; nor does a later time give
    // way to an earlier one when two writers touch the same conversation.
    this.touchStmt = db.prepare('UPDATE conversations SET updated_at = @at WHERE id = @id AND updated_at <= @since');
    this.annotateStmt = db.prepare(`UPDATE messages SET locale = @locale, intent = @intent, confidence = @confidence,
      sentiment_label = @sentimentLabel, sentiment_score = @sentimentScore, entities = @entities WHERE id = @id`);
    this.turnDoneStmt = db.prepare("UPDATE messages SET turn_done_at = ? WHERE id = ? AND role = 'shopper'");
    this.annotateDoneStmt = db.prepare(`UPDATE messages SET locale = @locale, intent = @intent, confidence = @confidence,
      sentiment_label = @sentimentLabel, sentiment_score = @sentimentScore, entities = @entities, turn_done_at = @doneAt
      WHERE id = @id AND role = 'shopper'`);
    this.appendInTransaction = db.transaction((message: NewMessage) => this.insertAndTouch(message));
  }

  /** The session's open conversation on a channel, started now if there is none. */
  openForSession(sessionId: string, channel: Channel, locale: string): Conversation {
    const existing = this.openFor.get(sessionId, channel);
    if (existing) return toConversation(existing);
    const id = this.ids.next('conv');
    this.insertConversation.run({ id, sessionId, channel, locale, now: isoNow(this.clock) });
    return this.findById(id) as Conversation;
  }

  findById(id: string): Conversation | undefined {
    const row = this.byId.get(id);
    return row && toConversation(row);
  }

  /** Closes a conversation; the session's next message starts a new one. */
  close(id: string): void {
    const now = isoNow(this.clock);
    this.sql("UPDATE conversations SET status = 'closed', closed_at = ?, updated_at = ? WHERE id = ?").run(now, now, id);
  }

  /**
   * Stores a message durably (committed when this returns). A repeat of the same `clientId` in
   * the same conversation returns the first copy with `created: false`. With a transcript
   * filter, the stored text is filtered while the returned new message keeps the text as given.
   */
  appendMessage(message: NewMessage): { message: StoredMessage; created: boolean } {
    // One transaction: one WAL commit per message instead of one per statement.
    return this.appendInTransaction(message);
  }

  private insertAndTouch(newMessage: NewMessage): { message: StoredMessage; created: boolean } {
    const message = this.prepareMessage(newMessage);
    const result = this.insertMessage.run(this.rowParams(message));
    if (result.changes === 0 && newMessage.clientId) {
      return { message: this.read(this.byClientId.get(newMessage.conversationId, newMessage.clientId) as MessageRow), created: false };
    }
    message.seq = Number(result.lastInsertRowid);
    this.touch(message.conversationId, message.createdAt);
    // The turn that follows reads the text as the shopper wrote it; only the stored copy is filtered.
    return { message, created: true };
  }

  /**
   * A message with its id and time assigned but not stored yet (`seq` 0): a bot reply staged
   * in a turn's writes, stored by {@link insertPrepared} when the turn commits.
   */
  prepareMessage(message: NewMessage): StoredMessage {
    return {
      seq: 0,
      id: this.ids.next('msg'),
      conversationId: message.conversationId,
      role: message.role,
      text: message.text,
      clientId: message.clientId ?? null,
      payload: message.payload ?? null,
      createdAt: isoNow(this.clock),
      annotations: message.annotations ?? null,
    };
  }

  /** Stores a prepared message (in the caller's transaction) and sets its `seq`; see {@link touch}. */
  insertPrepared(message: StoredMessage): void {
    message.seq = Number(this.insertMessage.run(this.rowParams(message)).lastInsertRowid);
  }

  /**
   * Records activity on a conversation at `atIso` (once per batch of messages is enough). Kept to
   * the second: `updated_at` moves only when `atIso` is a second or more past it.
   */
  touch(conversationId: string, atIso: string): void {
    const at = Date.parse(atIso);
    // A time that is not ISO 8601 (none of this code's) is written unless a later one is stored.
    const since = Number.isNaN(at) ? atIso : new Date(at - TOUCH_RESOLUTION_MS).toISOString();
    this.touchStmt.run({ at: atIso, id: conversationId, since });
  }

  private rowParams(message: StoredMessage): Record<string, unknown> {
    const a = message.annotations;
    return {
      id: message.id,
      conversationId: message.conversationId,
      role: message.role,
      text: this.transcriptFilter(message.text),
      clientId: message.clientId,
      payload: message.payload ? JSON.stringify(message.payload) : null,
      createdAt: message.createdAt,
      locale: a?.locale ?? null,
      intent: a?.intent ?? null,
      confidence: a?.confidence ?? null,
      sentimentLabel: a?.sentimentLabel ?? null,
      sentimentScore: a?.sentimentScore ?? null,
      entities: a ? this.transcriptFilter(JSON.stringify(a.entities)) : null,
    };
  }

  /**
   * Keeps the NLU's reading of a message whose turn is under way, to be stored with the turn
   * ({@link annotate} then {@link unstageReading}); until then readers in this process see it
   * on the message, as if stored.
   */
  stageReading(messageId: string, a: MessageAnnotations): void {
    this.stagedReadings.set(messageId, a);
  }

  /** Forgets a staged reading (its turn stored it, or ended). */
  unstageReading(messageId: string): void {
    this.stagedReadings.delete(messageId);
  }

  /**
   * Marks a shopper message's turn as done, storing the NLU's reading of it in the same update
   * when given: call in the transaction of the turn's last writes.
   */
  markTurnDone(messageId: string, reading?: MessageAnnotations): void {
    if (reading) this.annotateDoneStmt.run({ id: messageId, ...this.readingParams(reading), doneAt: isoNow(this.clock) });
    else this.turnDoneStmt.run(isoNow(this.clock), messageId);
  }

  /** Whether a shopper message's turn was committed. */
  turnDone(messageId: string): boolean {
    const row = this.messageById.get(messageId);
    return row !== undefined && row.turn_done_at !== null;
  }

  /** Adds the NLU's reading to a stored message. */
  annotate(messageId: string, a: MessageAnnotations): void {
    this.annotateStmt.run({ id: messageId, ...this.readingParams(a) });
  }

  private readingParams(a: MessageAnnotations): Record<string, unknown> {
    return { ...a, entities: this.transcriptFilter(JSON.stringify(a.entities)) };
  }

  findMessage(id: string): StoredMessage | undefined {
    const row = this.messageById.get(id);
    return row && this.read(row);
  }

  private read(row: MessageRow): StoredMessage {
    const message = toMessage(row);
    if (message.annotations === null && this.stagedReadings.size > 0) message.annotations = this.stagedReadings.get(message.id) ?? null;
    return message;
  }

  /**
   * Shopper messages whose bot turn was never committed (no turn-done mark), oldest first: after
   * a crash these are answered on start, so no acknowledged message goes unanswered.
   */
  unansweredShopperMessages(sinceIso: string, limit = 1000): StoredMessage[] {
    const rows = this
      .sql(`SELECT m.* FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE m.role = 'shopper' AND m.turn_done_at IS NULL AND m.created_at >= ? AND c.status = 'open'
        ORDER BY m.seq LIMIT ?`)
      .all(sinceIso, limit) as MessageRow[];
    return rows.map((row) => this.read(row));
  }

  /**
   * The text and NLU reading of the conversation's shopper messages stored after `sinceIso`,
   * oldest first (the last `limit`). Read on most turns (frustration): only the columns it needs,
   * as arrays (a row object and a string per column cost more than the query).
   */
  shopperReadings(conversationId: string, sinceIso: string, limit: number): ShopperReading[] {
    const rows = this.shopperReadingsStmt.all(conversationId, sinceIso, limit) as ReadingRow[];
    const readings: ShopperReading[] = [];
    for (let i = rows.length - 1; i >= 0; i -= 1) {
      const [id, text, locale, intent, confidence, sentimentLabel, sentimentScore, entities] = rows[i] as ReadingRow;
      const annotations =
        intent === null
          ? (this.stagedReadings.get(id) ?? null)
          : annotationsOf(locale, intent, confidence, sentimentLabel, sentimentScore, entities);
      readings.push({ role: 'shopper', text, annotations });
    }
    return readings;
  }

  /** The conversation's messages, oldest first (the last `limit`). */
  messages(conversationId: string, limit = 200): StoredMessage[] {
    const rows = this
      .sql('SELECT * FROM (SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq')
      .all(conversationId, limit) as MessageRow[];
    return rows.map((row) => this.read(row));
  }
}
