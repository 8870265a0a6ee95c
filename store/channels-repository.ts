import type { Database, Statement } from 'better-sqlite3';
import { isoNow, type Clock } from './clock';
import { statements } from './statements';
import type { ChannelLink, ExternalChannel } from './types';

interface LinkRow {
  channel: ExternalChannel;
  external_key: string;
  session_id: string;
  reference: string;
  created_at: string;
  updated_at: string;
}

function toLink(row: LinkRow): ChannelLink {
  return {
    channel: row.channel,
    externalKey: row.external_key,
    sessionId: row.session_id,
    reference: JSON.parse(row.reference) as Record<string, unknown>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Links between users of outside channels and shop sessions, with the channel's reference for
 * writing to them later; and the webhook's receipts of inbound message ids (replay protection).
 */
export class ChannelsRepository {
  private readonly byKey: Statement<[string, string], LinkRow>;
  private readonly bySession: Statement<[string], LinkRow>;
  private readonly insertLink: Statement;
  private readonly updateReference: Statement;
  private readonly insertReceipt: Statement;
  private readonly receiptOf: Statement<[string], { stored_id: string }>;
  private readonly pruneReceipts: Statement<[string]>;
  private readonly sql: (sql: string) => Statement;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.sql = statements(db);
    this.byKey = db.prepare('SELECT * FROM channel_sessions WHERE channel = ? AND external_key = ?');
    this.bySession = db.prepare('SELECT * FROM channel_sessions WHERE session_id = ?');
    this.insertLink = db.prepare(`INSERT INTO channel_sessions (channel, external_key, session_id, reference, created_at, updated_at)
      VALUES (@channel, @externalKey, @sessionId, @reference, @now, @now)`);
    this.updateReference = db.prepare(
      'UPDATE channel_sessions SET reference = @reference, updated_at = @now WHERE channel = @channel AND external_key = @externalKey',
    );
    this.insertReceipt = db.prepare(`INSERT INTO webhook_receipts (message_id, stored_id, received_at) VALUES (?, ?, ?)
      ON CONFLICT (message_id) DO NOTHING`);
    this.receiptOf = db.prepare('SELECT stored_id FROM webhook_receipts WHERE message_id = ?');
    this.pruneReceipts = db.prepare('DELETE FROM webhook_receipts WHERE received_at < ?');
  }

  /** The link of an outside user, if they wrote before. */
  find(channel: ExternalChannel, externalKey: string): ChannelLink | undefined {
    const row = this.byKey.get(channel, externalKey);
    return row && toLink(row);
  }

  /** The link behind a shop session (to write to that user outside a turn). */
  findBySession(sessionId: string): ChannelLink | undefined {
    const row = this.bySession.get(sessionId);
    return row && toLink(row);
  }

  /**
   * Links an outside user to a session (made by `newSession` on first contact, in the same
   * transaction) and keeps their latest reference.
   */
  link(channel: ExternalChannel, externalKey: string, reference: Record<string, unknown>, newSession: () => string): ChannelLink {
    return this.db.transaction(() => {
      const now = isoNow(this.clock);
      const json = JSON.stringify(reference);
      if (this.byKey.get(channel, externalKey)) this.updateReference.run({ channel, externalKey, reference: json, now });
      else this.insertLink.run({ channel, externalKey, sessionId: newSession(), reference: json, now });
      return this.find(channel, externalKey) as ChannelLink;
    })();
  }

  /** Points a link at a new session (its old one was erased, e.g. by retention). */
  replaceSession(channel: ExternalChannel, externalKey: string, sessionId: string): ChannelLink {
    this.sql('UPDATE channel_sessions SET session_id = ?, updated_at = ? WHERE channel = ? AND external_key = ?').run(
      sessionId,
      isoNow(this.clock),
      channel,
      externalKey,
    );
    return this.find(channel, externalKey) as ChannelLink;
  }

  /**
   * Records an inbound webhook message id against the stored message.
   * @returns false when the id was seen before (a replay)
   */
  recordReceipt(messageId: string, storedId: string): boolean {
    return this.insertReceipt.run(messageId, storedId, isoNow(this.clock)).changes === 1;
  }

  /** The stored message of a webhook message id seen before. */
  receipt(messageId: string): string | undefined {
    return this.receiptOf.get(messageId)?.stored_id;
  }

  /** Forgets receipts older than `beforeIso` (their timestamps are long past the tolerance). @returns how many */
  forgetReceiptsBefore(beforeIso: string): number {
    return this.pruneReceipts.run(beforeIso).changes;
  }
}
