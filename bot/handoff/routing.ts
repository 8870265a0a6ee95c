import type { Handoff, User } from '../../store';

/** Who may take a handoff now: the routing rules in one place, shared by auto-assignment and claims. */
export interface RoutingView {
  /** Online agents who speak the language, have room, and (when any exists) belong to the team. */
  eligible: User[];
  /** Online agents who speak the language, with or without room. */
  online: User[];
}

function speaks(agent: User, language: string): boolean {
  return agent.languages.includes(language);
}

/**
 * The agents a handoff can go to. Only `online` agents count (away and offline never get
 * conversations), only those who speak the shopper's language, only below their capacity, and
 * only the transfer target while it is transferred to one agent. Team members come first; when
 * no member of the team can take it, any agent of the language can, so a team with nobody
 * online does not strand the shopper.
 */
export function routeHandoff(handoff: Pick<Handoff, 'language' | 'team' | 'targetAgentId'>, agents: readonly User[], loads: ReadonlyMap<string, number>): RoutingView {
  const online = agents.filter((a) => a.presence === 'online' && speaks(a, handoff.language));
  const withRoom = online.filter(
    (a) => (loads.get(a.id) ?? 0) < a.capacity && (handoff.targetAgentId === null || handoff.targetAgentId === a.id),
  );
  const team = withRoom.filter((a) => a.teams.includes(handoff.team));
  return { eligible: team.length > 0 ? team : withRoom, online };
}

/**
 * The agent auto-assignment picks: the eligible agent with the lowest load relative to their
 * capacity, then the one online longest (ties by id, so the choice is deterministic).
 */
export function pickAgent(handoff: Pick<Handoff, 'language' | 'team' | 'targetAgentId'>, agents: readonly User[], loads: ReadonlyMap<string, number>): User | undefined {
  const ratio = (a: User): number => (loads.get(a.id) ?? 0) / Math.max(1, a.capacity);
  return [...routeHandoff(handoff, agents, loads).eligible].sort(
    (a, b) => ratio(a) - ratio(b) || a.presenceAt.localeCompare(b.presenceAt) || a.id.localeCompare(b.id),
  )[0];
}

/** What the shopper is told about the wait. */
export type WaitEstimate = { kind: 'nobody_online' } | { kind: 'minutes'; minutes: number };

/**
 * Expected wait: about a minute when an eligible agent has room; otherwise the handoffs ahead
 * in the queue share the online agents, each taking the mean handling time.
 *
 * @param ahead handoffs of the same language waiting before this one
 * @param meanHandleMs mean time an agent spends on a handoff
 */
export function estimateWait(view: RoutingView, ahead: number, meanHandleMs: number): WaitEstimate {
  if (view.online.length === 0) return { kind: 'nobody_online' };
  if (view.eligible.length > 0 && ahead === 0) return { kind: 'minutes', minutes: 1 };
  const minutes = Math.ceil(((ahead + 1) * meanHandleMs) / view.online.length / 60_000);
  return { kind: 'minutes', minutes: Math.max(1, minutes) };
}
