import type { Migration } from './migration';

/**
 * Version 3: console users (agents and managers) with their sessions and login throttling, and
 * human handoffs: one row per handoff with its status, owner and persisted SLA deadline, the
 * log of its transitions, private notes, canned replies, CSAT ratings and leave-a-message
 * follow-ups.
 */
export const HANDOFF_SCHEMA: Migration = {
  version: 3,
  name: 'users, auth sessions and human handoff',
  sql: `
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('agent', 'manager')),
      password_hash TEXT NOT NULL,
      languages TEXT NOT NULL DEFAULT '["en"]',
      teams TEXT NOT NULL DEFAULT '["general"]',
      capacity INTEGER NOT NULL DEFAULT 3 CHECK (capacity >= 0),
      presence TEXT NOT NULL DEFAULT 'offline' CHECK (presence IN ('online', 'away', 'offline')),
      presence_at TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE auth_sessions (
      token_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      csrf_token TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    );
    CREATE INDEX auth_sessions_expiry ON auth_sessions (expires_at);
    CREATE TABLE login_failures (
      key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      window_started_at TEXT NOT NULL
    );
    CREATE TABLE handoffs (
      id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL REFERENCES conversations (id),
      status TEXT NOT NULL,
      trigger TEXT NOT NULL,
      language TEXT NOT NULL,
      team TEXT NOT NULL,
      priority INTEGER NOT NULL,
      intent TEXT,
      sentiment_score REAL,
      summary TEXT NOT NULL,
      agent_id TEXT REFERENCES users (id),
      target_agent_id TEXT REFERENCES users (id),
      queued_at TEXT NOT NULL,
      assigned_at TEXT,
      ended_at TEXT,
      end_reason TEXT,
      deadline_at TEXT,
      agent_read_seq INTEGER NOT NULL DEFAULT 0,
      csat_asked_at TEXT,
      updated_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX handoffs_active ON handoffs (conversation_id)
      WHERE status IN ('queued', 'assigned', 'transferred');
    CREATE INDEX handoffs_status ON handoffs (status, priority, queued_at);
    CREATE INDEX handoffs_deadline ON handoffs (deadline_at) WHERE deadline_at IS NOT NULL;
    CREATE INDEX handoffs_agent ON handoffs (agent_id, status);
    CREATE TABLE handoff_transitions (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      handoff_id TEXT NOT NULL REFERENCES handoffs (id),
      from_status TEXT NOT NULL,
      to_status TEXT NOT NULL,
      reason TEXT NOT NULL,
      actor_id TEXT,
      at TEXT NOT NULL
    );
    CREATE INDEX handoff_transitions_handoff ON handoff_transitions (handoff_id, seq);
    CREATE TABLE agent_notes (
      id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL REFERENCES conversations (id),
      author_id TEXT NOT NULL REFERENCES users (id),
      text TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX agent_notes_conversation ON agent_notes (conversation_id, created_at);
    CREATE TABLE canned_replies (
      id TEXT PRIMARY KEY,
      locale TEXT NOT NULL,
      title TEXT NOT NULL,
      text TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE csat_ratings (
      handoff_id TEXT PRIMARY KEY REFERENCES handoffs (id),
      conversation_id TEXT NOT NULL REFERENCES conversations (id),
      agent_id TEXT REFERENCES users (id),
      score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
      created_at TEXT NOT NULL
    );
    CREATE TABLE follow_ups (
      id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL REFERENCES conversations (id),
      status TEXT NOT NULL CHECK (status IN ('awaiting_email', 'awaiting_message', 'stored', 'dropped')),
      email TEXT,
      text TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX follow_ups_conversation ON follow_ups (conversation_id, status);
    INSERT INTO canned_replies (id, locale, title, text, created_at) VALUES
      ('can_en_hello', 'en', 'Hello', 'Hi, I''m here to help. Let me read what you wrote so far.', '2026-01-01T00:00:00.000Z'),
      ('can_en_check', 'en', 'Checking', 'Thanks for waiting. I''m checking this for you now; it will take a minute.', '2026-01-01T00:00:00.000Z'),
      ('can_en_refund', 'en', 'Refund started', 'I''ve started the refund. You''ll see it on your statement within 5 to 10 working days.', '2026-01-01T00:00:00.000Z'),
      ('can_en_anything', 'en', 'Anything else?', 'Is there anything else I can help you with?', '2026-01-01T00:00:00.000Z'),
      ('can_zh_hello', 'zh', '问候', '您好，我来为您处理。请稍等，我先看一下您之前的留言。', '2026-01-01T00:00:00.000Z'),
      ('can_zh_check', 'zh', '正在查询', '感谢您的耐心等待，我正在为您查询，大约需要一分钟。', '2026-01-01T00:00:00.000Z'),
      ('can_zh_anything', 'zh', '还有其他问题吗', '请问还有其他可以帮您的吗？', '2026-01-01T00:00:00.000Z');
  `,
};
