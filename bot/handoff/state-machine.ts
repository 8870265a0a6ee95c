import { HANDOFF_STATUSES, type HandoffStatus } from '../../store';

/** Why a handoff ended, stored with it. */
export const END_REASONS = [
  'resolved_by_agent',
  'shopper_cancelled',
  'shopper_inactive',
  'no_agent_in_time',
] as const;
/** One end reason. */
export type EndReason = (typeof END_REASONS)[number];

/** Statuses a handoff may move to from each status. `bot` → `queued` opens a handoff. */
function nextStatuses(from: HandoffStatus): readonly HandoffStatus[] {
  switch (from) {
    case 'bot':
      return ['queued'];
    case 'queued':
      return ['assigned', 'abandoned', 'expired'];
    case 'assigned':
      // back to queued: the agent went offline and the conversation is routed again.
      return ['resolved', 'transferred', 'queued', 'abandoned'];
    case 'transferred':
      return ['assigned', 'queued', 'abandoned', 'expired'];
    case 'resolved':
    case 'abandoned':
    case 'expired':
      // Final: the conversation is the bot's again; a new ask opens a new handoff.
      return [];
    default:
      return from satisfies never;
  }
}

/** True when a handoff may go from `from` to `to`. */
export function canTransition(from: HandoffStatus, to: HandoffStatus): boolean {
  return nextStatuses(from).includes(to);
}

/** The statuses a handoff may reach `to` from (the guard of the conditional UPDATE). */
export function sourcesOf(to: HandoffStatus): HandoffStatus[] {
  return HANDOFF_STATUSES.filter((from) => canTransition(from, to));
}

/** True for statuses no transition leaves. */
export function isFinal(status: HandoffStatus): boolean {
  return status !== 'bot' && nextStatuses(status).length === 0;
}

/** True while humans own (or are about to own) the conversation: the bot must stay silent. */
export function humansOwn(status: HandoffStatus): boolean {
  switch (status) {
    case 'queued':
    case 'assigned':
    case 'transferred':
      return true;
    case 'bot':
    case 'resolved':
    case 'abandoned':
    case 'expired':
      return false;
    default:
      return status satisfies never;
  }
}

/** Raised when code asks for a transition the machine forbids. */
export class HandoffTransitionError extends Error {
  constructor(
    readonly from: HandoffStatus,
    readonly to: HandoffStatus,
  ) {
    super(`a handoff cannot go from ${from} to ${to}`);
    this.name = 'HandoffTransitionError';
  }
}

/** Throws {@link HandoffTransitionError} unless `from` → `to` is allowed. */
export function assertTransition(from: HandoffStatus, to: HandoffStatus): void {
  if (!canTransition(from, to)) throw new HandoffTransitionError(from, to);
}
