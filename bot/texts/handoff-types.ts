/** What the bot says around a human handoff, per locale. */
export interface HandoffTexts {
  /** Opening line per trigger, before the wait. */
  openAsked: string;
  openComplaint: string;
  openFrustration: string;
  /** The expected wait, in whole minutes. */
  wait(minutes: number): string;
  /** While queued, the shopper asks again. */
  stillWaiting(minutes: number): string;
  /** No agent online: offer to leave a message (email follow-up). */
  nobodyOnline: string;
  /** Queued too long: nobody could take it. Offers to leave a message too. */
  expired: string;
  cancelled: string;
  agentJoined(name: string): string;
  transferred: string;
  /** The agent went offline and the conversation goes back to the queue. */
  requeued: string;
  resolved: string;
  /** An agent's conversation closed after a long silence on both sides. */
  closedIdle: string;
  askCsat: string;
  csatChoices: string[];
  csatThanks: string;
  followUpAskMessage: string;
  followUpBadEmail: string;
  followUpStored(email: string): string;
  followUpDropped: string;
}
