/** A period of the dashboard: `from` inclusive, `to` exclusive, both ISO 8601 UTC. */
export interface Period {
  from: string;
  to: string;
}

/** Headline figures of a period. */
export interface Overview {
  conversations: number;
  /** Conversations the bot finished without a human. */
  contained: number;
  containmentRate: number;
  handedOff: number;
  handoffRate: number;
  /** Mean sentiment of shopper messages (−1..1); null without any. */
  averageSentiment: number | null;
  /** Mean CSAT (1..5) and how many ratings; null without any. */
  averageCsat: number | null;
  csatRatings: number;
  shopperMessages: number;
  outOfScopeMessages: number;
  outOfScopeRate: number;
  lowConfidenceMessages: number;
  couponOffers: number;
  holdOuts: number;
  redemptions: number;
  /** Order value of coupons redeemed from chat offers, minor units. */
  revenueMinor: number;
}

/** One day of the period. */
export interface DailyFigures {
  day: string;
  conversations: number;
  handedOff: number;
  averageSentiment: number | null;
  averageCsat: number | null;
}

/** A label and its count (handoff triggers, intents). */
export interface Count {
  key: string;
  count: number;
}

/** An agent's handoffs of the period. */
export interface AgentFigures {
  agentId: string;
  name: string;
  handoffs: number;
  /** Mean seconds from queued to the agent's first message; null when none answered. */
  firstResponseSeconds: number | null;
  /** Mean seconds from queued to resolved; null when none ended. */
  resolutionSeconds: number | null;
  averageCsat: number | null;
}

/** Coupon offers against the hold-out (intention to treat: every decision counts). */
export interface CouponFigures {
  offers: number;
  holdOuts: number;
  redemptions: number;
  /** Share of offered shoppers who bought within the attribution window. */
  offerConversion: number | null;
  holdOutConversion: number | null;
  /** offerConversion − holdOutConversion, in percentage points / 100. */
  uplift: number | null;
  attributionDays: number;
}

/** Satisfaction and conversion of one customer segment (the offer engine's segment). */
export interface SegmentFigures {
  segment: string;
  conversations: number;
  averageSentiment: number | null;
  averageCsat: number | null;
  decisions: number;
  conversion: number | null;
}

/** Everything the dashboard shows for a period. */
export interface Dashboard {
  period: Period;
  overview: Overview;
  daily: DailyFigures[];
  handoffReasons: Count[];
  topIntents: Count[];
  agents: AgentFigures[];
  coupons: CouponFigures;
  segments: SegmentFigures[];
}
