import type { Database, Statement } from 'better-sqlite3';
import { isoNow, type Clock, type IdGenerator } from './clock';
import type { Presence, User, UserRole } from './types';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  password_hash: string;
  languages: string;
  teams: string;
  capacity: number;
  presence: Presence;
  presence_at: string;
  created_at: string;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    languages: JSON.parse(row.languages) as string[],
    teams: JSON.parse(row.teams) as string[],
    capacity: row.capacity,
    presence: row.presence,
    presenceAt: row.presence_at,
    createdAt: row.created_at,
  };
}

/** A user to create; the password is already hashed by `server/auth`. */
export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  passwordHash: string;
  /** @default ['en'] */
  languages?: string[];
  /** @default ['general'] */
  teams?: string[];
  /** @default 3 */
  capacity?: number;
}

/** A signed-in console session, found by the hash of its cookie token. */
export interface AuthSession {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

/** Console users, their sessions and failed sign-in counts. */
export class UsersRepository {
  private readonly byId: Statement<[string], UserRow>;
  private readonly byEmail: Statement<[string], UserRow>;
  private readonly sessionStmt: Statement<[string, string], UserRow & { csrf_token: string; expires_at: string }>;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    this.byId = db.prepare('SELECT * FROM users WHERE id = ?');
    this.byEmail = db.prepare('SELECT * FROM users WHERE email = ?');
    this.sessionStmt = db.prepare(`SELECT u.*, s.csrf_token, s.expires_at FROM auth_sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ? AND s.expires_at > ?`);
  }

  /** Creates a user; throws on a duplicate email (SQLite UNIQUE). */
  create(user: NewUser): User {
    const now = isoNow(this.clock);
    const id = this.ids.next('usr');
    this.db
      .prepare(`INSERT INTO users (id, email, name, role, password_hash, languages, teams, capacity, presence, presence_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'offline', ?, ?)`)
      .run(id, user.email, user.name, user.role, user.passwordHash, JSON.stringify(user.languages ?? ['en']),
        JSON.stringify(user.teams ?? ['general']), user.capacity ?? 3, now, now);
    return this.findById(id) as User;
  }

  findById(id: string): User | undefined {
    const row = this.byId.get(id);
    return row && toUser(row);
  }

  /** The user with an email and their password hash, for signing in. */
  findCredentials(email: string): { user: User; passwordHash: string } | undefined {
    const row = this.byEmail.get(email);
    return row && { user: toUser(row), passwordHash: row.password_hash };
  }

  /** Every user, by name. */
  all(): User[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[]).map(toUser);
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM users').pluck().get() as number;
  }

  /** Sets a user's presence; returns false when it already was that. */
  setPresence(id: string, presence: Presence): boolean {
    const result = this.db
      .prepare('UPDATE users SET presence = ?, presence_at = ? WHERE id = ? AND presence != ?')
      .run(presence, isoNow(this.clock), id, presence);
    return result.changes === 1;
  }

  /** Marks every user offline (on start: no console is connected to a new process). */
  markAllOffline(): number {
    return this.db.prepare("UPDATE users SET presence = 'offline', presence_at = ? WHERE presence != 'offline'").run(isoNow(this.clock)).changes;
  }

  /** Stores a session under the hash of its token. */
  createSession(tokenHash: string, userId: string, csrfToken: string, expiresAt: string): void {
    this.db
      .prepare('INSERT INTO auth_sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(tokenHash, userId, csrfToken, isoNow(this.clock), expiresAt);
  }

  /** The unexpired session of a token hash. */
  findSession(tokenHash: string): AuthSession | undefined {
    const row = this.sessionStmt.get(tokenHash, isoNow(this.clock));
    return row && { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  deleteSession(tokenHash: string): void {
    this.db.prepare('DELETE FROM auth_sessions WHERE token_hash = ?').run(tokenHash);
  }

  /** Deletes expired sessions; returns how many. */
  purgeExpiredSessions(): number {
    return this.db.prepare('DELETE FROM auth_sessions WHERE expires_at <= ?').run(isoNow(this.clock)).changes;
  }

  /** Failed sign-ins counted for a key (an email or an address) since `windowStart`. */
  failures(key: string, windowStartIso: string): number {
    const row = this.db.prepare('SELECT failures, window_started_at FROM login_failures WHERE key = ?').get(key) as
      | { failures: number; window_started_at: string }
      | undefined;
    return row && row.window_started_at > windowStartIso ? row.failures : 0;
  }

  /** Counts one failed sign-in; a window older than `windowStart` starts over. */
  recordFailure(key: string, windowStartIso: string): void {
    const now = isoNow(this.clock);
    this.db
      .prepare(`INSERT INTO login_failures (key, failures, window_started_at) VALUES (@key, 1, @now)
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN window_started_at > @windowStart THEN failures + 1 ELSE 1 END,
          window_started_at = CASE WHEN window_started_at > @windowStart THEN window_started_at ELSE @now END`)
      .run({ key, now, windowStart: windowStartIso });
  }

  clearFailures(key: string): void {
    this.db.prepare('DELETE FROM login_failures WHERE key = ?').run(key);
  }
}
