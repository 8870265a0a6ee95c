import { Router } from 'express';
import { z } from 'zod';
import { conversationView, HandoffError, queueView, type HandoffService, type InsightsProvider } from '../bot';
import type { Store, User } from '../store';
import { authOf, type ConsoleAuth } from './auth';
import { HttpError, jsonRoute, type JsonHandler } from './errors';

/** Longest agent message or note, in characters. */
const MAX_TEXT = 4000;

const LOGIN = z.object({ email: z.string().trim().min(1).max(200), password: z.string().min(1).max(1000) });
const TEXT = z.object({ text: z.string().trim().min(1, 'text is empty').max(MAX_TEXT) });
const TRANSFER = z.union([
  z.object({ agentId: z.string().min(1).max(100) }),
  z.object({ team: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'team names are lowercase words') }),
]);
const READ = z.object({ seq: z.number().int().min(0) });
const PRESENCE = z.object({ presence: z.enum(['online', 'away']) });
const CANNED = z.object({ locale: z.enum(['en', 'zh']), title: z.string().trim().min(1).max(80), text: z.string().trim().min(1).max(MAX_TEXT) });
const ID = z.string().min(1).max(100);

/** A console user without anything private, as the API shows it. */
export function publicUser(user: User): Pick<User, 'id' | 'email' | 'name' | 'role' | 'languages' | 'teams' | 'capacity' | 'presence'> {
  const { id, email, name, role, languages, teams, capacity, presence } = user;
  return { id, email, name, role, languages, teams, capacity, presence };
}

function toHttp(err: unknown): unknown {
  if (!(err instanceof HandoffError)) return err;
  switch (err.kind) {
    case 'not_found':
      return new HttpError(404, err.message);
    case 'conflict':
      return new HttpError(409, err.message);
    case 'forbidden':
      return new HttpError(403, err.message);
    default:
      return err.kind satisfies never;
  }
}

/** Runs a handler, mapping handoff refusals to HTTP errors. */
const handle = (fn: JsonHandler): ReturnType<typeof jsonRoute> => jsonRoute(fn, toHttp);

/** Services the console's REST routes use. */
export interface AgentApiDeps {
  store: Store;
  auth: ConsoleAuth;
  handoffs: HandoffService;
  insights?: InsightsProvider;
}

/**
 * The console's REST API under `/api/agent`: sign-in, the queue, a conversation's full context,
 * and the agent's actions (claim, reply, notes, transfer, resolve). Every route but sign-in
 * needs a session of an agent or a manager; changes also need the CSRF token.
 */
export function agentApi(deps: AgentApiDeps): Router {
  const { store, auth, handoffs } = deps;
  const router = Router();
  const staff = auth.requireRole('agent', 'manager');
  const managers = auth.requireRole('manager');

  router.post('/api/agent/login', handle(async (req, res) => {
    const { email, password } = LOGIN.parse(req.body);
    const { user, token, csrfToken } = await auth.login(email, password, req.ip ?? 'unknown');
    res.setHeader('Set-Cookie', auth.cookie(token));
    return { user: publicUser(user), csrfToken };
  }));
  router.post('/api/agent/logout', staff, handle((_req, res) => {
    const { user, tokenHash } = authOf(res);
    handoffs.setPresence(user, 'offline');
    auth.sessions.end(tokenHash);
    res.setHeader('Set-Cookie', auth.cookie());
    return { ok: true };
  }));
  router.get('/api/agent/me', staff, handle((_req, res) => {
    const { user, csrfToken } = authOf(res);
    return { user: publicUser(user), csrfToken };
  }));
  router.post('/api/agent/presence', staff, handle((req, res) => {
    handoffs.setPresence(authOf(res).user, PRESENCE.parse(req.body).presence);
    return { user: publicUser(store.users.findById(authOf(res).user.id) as User) };
  }));
  router.get('/api/agent/queue', staff, handle((_req, res) => queueView(store, authOf(res).user)));
  router.get('/api/agent/agents', staff, handle(() => {
    const loads = store.handoffs.loads();
    return { agents: store.users.all().map((u) => ({ ...publicUser(u), load: loads.get(u.id) ?? 0 })) };
  }));
  router.get('/api/agent/canned', staff, handle(() => ({ replies: store.handoffExtras.cannedReplies() })));
  router.post('/api/agent/canned', managers, handle((req) => ({ reply: store.handoffExtras.addCannedReply(CANNED.parse(req.body)) })));
  router.get('/api/agent/follow-ups', staff, handle(() => ({ followUps: store.handoffExtras.storedFollowUps() })));
  router.get('/api/agent/conversations/:id', staff, handle((req) => {
    const id = ID.parse(req.params.id);
    if (!store.handoffs.latestFor(id)) throw new HttpError(404, 'no handed-over conversation with this id');
    return conversationView(store, id, deps.insights);
  }));
  router.post('/api/agent/conversations/:id/notes', staff, handle((req, res) => {
    const id = ID.parse(req.params.id);
    if (!store.handoffs.latestFor(id)) throw new HttpError(404, 'no handed-over conversation with this id');
    return { note: store.handoffExtras.addNote(id, authOf(res).user.id, TEXT.parse(req.body).text) };
  }));
  router.post('/api/agent/handoffs/:id/claim', staff, handle((req, res) => ({ handoff: handoffs.claim(ID.parse(req.params.id), authOf(res).user) })));
  router.post('/api/agent/handoffs/:id/messages', staff, handle((req, res) => {
    handoffs.sendAsAgent(ID.parse(req.params.id), authOf(res).user, TEXT.parse(req.body).text);
    return { ok: true };
  }));
  router.post('/api/agent/handoffs/:id/read', staff, handle((req, res) => ({
    handoff: handoffs.markRead(ID.parse(req.params.id), authOf(res).user, READ.parse(req.body).seq),
  })));
  router.post('/api/agent/handoffs/:id/transfer', staff, handle((req, res) => ({
    handoff: handoffs.transfer(ID.parse(req.params.id), authOf(res).user, TRANSFER.parse(req.body)),
  })));
  router.post('/api/agent/handoffs/:id/resolve', staff, handle((req, res) => ({ handoff: handoffs.resolve(ID.parse(req.params.id), authOf(res).user) })));
  return router;
}
