import type { AgentNote, CannedReply, FollowUp, Handoff, User } from '../store';
import type { ConversationView, QueueItem } from '../bot';
import { ApiError, SessionClient } from './session-client';

/** A console user as the API shows it. */
export type ConsoleUser = Pick<User, 'id' | 'email' | 'name' | 'role' | 'languages' | 'teams' | 'capacity' | 'presence'>;

export { ApiError };

/** The console's REST client: same-origin cookie session, CSRF token on every change. */
export class ConsoleApi extends SessionClient<ConsoleUser> {
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
