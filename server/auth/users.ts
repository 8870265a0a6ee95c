import { z } from 'zod';
import { USER_ROLES, type Store, type User } from '../../store';
import { MIN_PASSWORD_LENGTH, hashPassword } from './passwords';

/** A console user to create, validated (CLI, demo). */
export const NEW_USER_SCHEMA = z.object({
  email: z.email({ message: 'must be an email address' }),
  name: z.string().trim().min(1, 'is required').max(100),
  role: z.enum(USER_ROLES),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(1000),
  languages: z.array(z.enum(['en', 'zh'])).min(1).default(['en']),
  teams: z.array(z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'team names are lowercase words')).min(1).default(['general']),
  capacity: z.number().int().min(0).max(50).default(3),
});

/** Input of {@link createUser}. */
export type NewUserInput = z.input<typeof NEW_USER_SCHEMA>;

/** Validates, hashes the password and stores a console user. Throws on a taken email. */
export async function createUser(store: Store, input: NewUserInput): Promise<User> {
  const user = NEW_USER_SCHEMA.parse(input);
  if (store.users.findCredentials(user.email)) throw new Error(`a user with the email ${user.email} exists already`);
  return store.users.create({ ...user, passwordHash: await hashPassword(user.password) });
}

/** The demo's console users, created on an empty user table when the demo is on. */
export const DEMO_USERS = {
  agent: { email: 'agent@shopkeep.test', name: 'Alex (demo agent)' },
  manager: { email: 'manager@shopkeep.test', name: 'Morgan (demo manager)' },
} as const;

/** Creates the demo agent and manager when there are no users yet; returns whether it did. */
export async function ensureDemoUsers(store: Store, passwords: { agent: string; manager: string }): Promise<boolean> {
  if (store.users.count() > 0) return false;
  await createUser(store, { ...DEMO_USERS.agent, role: 'agent', password: passwords.agent, languages: ['en', 'zh'], teams: ['general', 'billing'] });
  await createUser(store, { ...DEMO_USERS.manager, role: 'manager', password: passwords.manager, languages: ['en', 'zh'], teams: ['general', 'billing'] });
  return true;
}
