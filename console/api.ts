import type { AgentNote, CannedReply, FollowUp, Handoff, User } from '../store';
import type { ConversationView, QueueItem } from '../bot';

/** A console user as the API shows it. */
export type ConsoleUser = Pick<User, 'id' | 'email' | 'name' | 'role' | 'languages' | 'teams' | 'capacity' | 'presence'>;

/** A refused request, with the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The console's REST client: same-origin cookie session, CSRF token on every change. */
export class ConsoleApi {
  private csrfToken = '';

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await res.json().catch(() => ({}))) as { error?: string };
    if (!res.ok) throw new ApiError(res.status, json.error ?? `request failed (${res.status})`);
    return json as T;
  }

  async login(email: string, password: string): Promise<ConsoleUser> {
    const { user, csrfToken } = await this.request<{ user: ConsoleUser; csrfToken: string }>('POST', '/api/agent/login', { email, password });
    this.csrfToken = csrfToken;
    return user;
  }

  /** The signed-in user, or undefined without a live session. */
  async me(): Promise<ConsoleUser | undefined> {
    try {
      const { user, csrfToken } = await this.request<{ user: ConsoleUser; csrfToken: string }>('GET', '/api/agent/me');
      this.csrfToken = csrfToken;
      return user;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return undefined;
      throw err;
    }
  }

  logout = (): Promise<unknown> => this.request('POST', '/api/agent/logout', {});
  presence = (presence: 'online' | 'away'): Promise<unknown> => this.request('POST', '/api/agent/presence', { presence });
  queue = (): Promise<{ waiting: QueueItem[]; mine: QueueItem[] }> => this.request('GET', '/api/agent/queue');
  agents = (): Promise<{ agents: (ConsoleUser & { load: number })[] }> => this.request('GET', '/api/agent/agents');
  canned = (): Promise<{ replies: CannedReply[] }> => this.request('GET', '/api/agent/canned');
  followUps = (): Promise<{ followUps: FollowUp[] }> => this.request('GET', '/api/agent/follow-ups');
  conversation = (id: string): Promise<ConversationView> => this.request('GET', `/api/agent/conversations/${encodeURIComponent(id)}`);
  note = (id: string, text: string): Promise<{ note: AgentNote }> => this.request('POST', `/api/agent/conversations/${encodeURIComponent(id)}/notes`, { text });
  claim = (id: string): Promise<{ handoff: Handoff }> => this.request('POST', `/api/agent/handoffs/${encodeURIComponent(id)}/claim`, {});
  send = (id: string, text: string): Promise<unknown> => this.request('POST', `/api/agent/handoffs/${encodeURIComponent(id)}/messages`, { text });
  resolve = (id: string): Promise<{ handoff: Handoff }> => this.request('POST', `/api/agent/handoffs/${encodeURIComponent(id)}/resolve`, {});
  transfer = (id: string, to: { agentId: string } | { team: string }): Promise<{ handoff: Handoff }> =>
    this.request('POST', `/api/agent/handoffs/${encodeURIComponent(id)}/transfer`, to);
}
