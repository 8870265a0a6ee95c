import type { FollowUp, Handoff, StoredMessage, User } from '../../store';

/** What the console needs to hear about, live. */
export type HandoffEvent =
  | { type: 'changed'; handoff: Handoff }
  | { type: 'message'; conversationId: string; message: StoredMessage }
  | { type: 'shopper_typing'; conversationId: string; typing: boolean }
  | { type: 'presence'; user: User }
  | { type: 'follow_up'; followUp: FollowUp };

/** Receives handoff events. */
export type HandoffListener = (event: HandoffEvent) => void;

/** A minimal typed fan-out: listeners are called in order; one failing does not stop the others. */
export class HandoffEvents {
  private readonly listeners = new Set<HandoffListener>();

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: HandoffListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: HandoffEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener (a closed socket) must not stop the handoff itself.
      }
    }
  }
}
