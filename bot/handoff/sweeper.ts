import type { Clock, Handoff } from '../../store';
import { textsFor } from '../texts';
import type { HandoffService } from './handoff-service';

/** What one sweep did. */
export interface SweepResult {
  expired: number;
  abandoned: number;
  requeued: number;
  assigned: number;
}

/** Options of {@link HandoffSweeper}. */
export interface SweeperOptions {
  /** How often to sweep. @default 5000 */
  intervalMs: number;
  /** Reports a failed sweep (the next one still runs). */
  onError: (err: unknown) => void;
}

/**
 * Enforces the SLA deadlines stored with each handoff. The deadlines live in SQLite, so a
 * restart (even `kill -9`) loses none: the next sweep after start applies every deadline that
 * passed meanwhile. The interval only decides how soon; it holds no state of its own.
 */
export class HandoffSweeper {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly service: HandoffService,
    private readonly clock: Clock,
  ) {}

  /** One pass: due deadlines, agents gone offline, then auto-assignment. */
  sweep(): SweepResult {
    const result: SweepResult = { expired: 0, abandoned: 0, requeued: 0, assigned: 0 };
    for (const handoff of this.service.store.handoffs.due()) this.applyDeadline(handoff, result);
    const cutoff = new Date(this.clock.now() - this.service.settings.offlineGraceMs).toISOString();
    for (const handoff of this.service.store.handoffs.ownedByAgentsOfflineSince(cutoff)) {
      if (this.requeue(handoff, 'agent_offline')) result.requeued += 1;
    }
    if (this.service.settings.autoAssign) result.assigned = this.service.assignWaiting();
    return result;
  }

  private applyDeadline(handoff: Handoff, result: SweepResult): void {
    switch (handoff.status) {
      case 'queued':
        if (this.service.tryEnd(handoff, 'expired', 'no_agent_in_time', null)) {
          this.service.post(handoff.conversationId, { role: 'bot', text: textsFor(handoff.language).handoff.expired });
          this.service.store.handoffExtras.openFollowUp(handoff.conversationId);
          result.expired += 1;
        }
        return;
      case 'assigned':
        if (this.service.tryEnd(handoff, 'abandoned', 'shopper_inactive', null)) {
          this.service.post(handoff.conversationId, { role: 'bot', text: textsFor(handoff.language).handoff.closedIdle });
          result.abandoned += 1;
        }
        return;
      case 'transferred':
        if (this.requeue(handoff, 'transfer_not_taken')) result.requeued += 1;
        return;
      case 'resolved':
      case 'abandoned':
      case 'expired':
        return;
      default:
        handoff.status satisfies never;
    }
  }

  private requeue(handoff: Handoff, reason: string): boolean {
    const moved = this.service.tryMove(handoff, 'queued', reason, null, {
      targetAgentId: null,
      deadlineAt: this.service.after(this.service.settings.queueTimeoutMs),
    });
    if (moved && reason === 'agent_offline') {
      this.service.post(handoff.conversationId, { role: 'system', text: textsFor(handoff.language).handoff.requeued });
    }
    return moved !== undefined;
  }

  /** Sweeps now and then every `intervalMs` until {@link stop}. */
  start(options: SweeperOptions): void {
    this.stop();
    const run = (): void => {
      try {
        this.sweep();
      } catch (err) {
        options.onError(err);
      }
    };
    run();
    this.timer = setInterval(run, options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
