import { upliftReport, type UpliftReport } from '../../models';
import type { Coupon, OfferDecisionRecord, Store } from '../../store';

/** One group's conversion in a report. */
export interface GroupConversion {
  /** Distinct shoppers assigned to the group in the period. */
  shoppers: number;
  /** Of them, how many bought within the attribution window after their assignment. */
  converted: number;
  rate: number;
}

/** Offers, money and conversion of a set of decisions. Money in the shop's currency, major units. */
export interface OfferSummary {
  offers: number;
  holdOuts: number;
  redeemed: number;
  /** Discount committed against the budgets when the offers were made. */
  cost: number;
  /** Discount actually given: percent off × value of the orders that redeemed. */
  discountGiven: number;
  /** Value of the orders that redeemed a coupon. */
  revenue: number;
  conversion: {
    offered: GroupConversion;
    holdOut: GroupConversion;
  } & Pick<UpliftReport, 'uplift' | 'interval' | 'confidence' | 'significant'>;
}

/** The manager's report over a period (`GET /api/manager/offers/report`). */
export interface OfferReport extends OfferSummary {
  from: string;
  to: string;
  attributionDays: number;
  /** The same per customer segment, segments with decisions only, by name. */
  segments: (OfferSummary & { segment: string })[];
}

/** What a report covers. */
export interface ReportQuery {
  fromIso: string;
  toIso: string;
  /** @default 7 */
  attributionDays?: number;
  /** @default 0.95 */
  confidence?: number;
}

const DAY_MS = 86_400_000;
const money = (minor: number): number => Math.round(minor) / 100;

interface Assigned {
  decision: OfferDecisionRecord;
  converted: boolean;
}

/**
 * Each shopper counts once per period, in the group of their first decision in it (intention to
 * treat: an offered shopper who ignored the coupon stays offered), converted when they bought
 * within the attribution window after it: a tracker purchase, an order of theirs, or the coupon.
 */
function assignments(store: Store, decisions: readonly OfferDecisionRecord[], windowMs: number): Assigned[] {
  const first = new Map<string, OfferDecisionRecord>();
  for (const d of decisions) if (!first.has(d.shopperKey)) first.set(d.shopperKey, d);
  return [...first.values()].map((decision) => ({
    decision,
    converted: store.offerSignals.purchased({
      sessionId: decision.sessionId,
      customerId: decision.customerId,
      decisionId: decision.id,
      fromIso: decision.at,
      toIso: new Date(Date.parse(decision.at) + windowMs).toISOString(),
    }),
  }));
}

function conversionOf(assigned: readonly Assigned[], action: OfferDecisionRecord['action']): GroupConversion {
  const group = assigned.filter((a) => a.decision.action === action);
  const converted = group.filter((a) => a.converted).length;
  return { shoppers: group.length, converted, rate: group.length === 0 ? 0 : converted / group.length };
}

function summarise(decisions: readonly OfferDecisionRecord[], coupons: ReadonlyMap<string, Coupon>, assigned: readonly Assigned[], confidence: number): OfferSummary {
  const redeemed = decisions.map((d) => coupons.get(d.id)).filter((c): c is Coupon => c !== undefined && c.redeemedAt !== null);
  const offered = conversionOf(assigned, 'offer');
  const holdOut = conversionOf(assigned, 'hold-out');
  const { uplift, interval, significant } = upliftReport(offered, holdOut, confidence);
  return {
    offers: decisions.filter((d) => d.action === 'offer').length,
    holdOuts: decisions.filter((d) => d.action === 'hold-out').length,
    redeemed: redeemed.length,
    cost: money(decisions.reduce((s, d) => s + d.costMinor, 0)),
    discountGiven: money(redeemed.reduce((s, c) => s + ((c.orderValueMinor ?? 0) * c.percentOff) / 100, 0)),
    revenue: money(redeemed.reduce((s, c) => s + (c.orderValueMinor ?? 0), 0)),
    conversion: { offered, holdOut, uplift, interval, confidence, significant },
  };
}

/**
 * Offers made, hold-outs, redemptions, cost, revenue, and the conversion of offered vs
 * hold-out shoppers with the uplift and its Newcombe interval, overall and per segment, for
 * decisions made in [fromIso, toIso).
 */
export function offerReport(store: Store, query: ReportQuery): OfferReport {
  const attributionDays = query.attributionDays ?? 7;
  const confidence = query.confidence ?? 0.95;
  const decisions = store.offers.between(query.fromIso, query.toIso);
  const coupons = new Map(store.coupons.forDecisions(decisions.map((d) => d.id)).map((c) => [c.decisionId, c]));
  const assigned = assignments(store, decisions, attributionDays * DAY_MS);
  const segmentNames = [...new Set(decisions.map((d) => d.segment))].sort();
  return {
    from: query.fromIso,
    to: query.toIso,
    attributionDays,
    ...summarise(decisions, coupons, assigned, confidence),
    segments: segmentNames.map((segment) => ({
      segment,
      ...summarise(
        decisions.filter((d) => d.segment === segment),
        coupons,
        assigned.filter((a) => a.decision.segment === segment),
        confidence,
      ),
    })),
  };
}
