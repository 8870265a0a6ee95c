import type { OrderStatus } from '../store';
import { shippingZone, type ShippingZone } from './people';
import { randomFor, type IdRandom } from './random';
import { trackingNumber, type Carrier } from './tracking-numbers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How an order ends: most are fulfilled, a few are cancelled before dispatch or refunded after. */
type Outcome = 'fulfilled' | 'cancelled' | 'refunded';

/**
 * The whole life of one order as offsets from the moment it was placed, fixed by its id. The
 * status shown is wherever `now` falls on this timeline, so dates and status always agree.
 */
export interface ShipmentPlan {
  outcome: Outcome;
  carrier: Carrier;
  trackingNumber: string;
  paidAfter: number;
  processingAfter: number;
  /** When the parcel is packed and waits for the carrier's next collection. */
  readyAfter: number;
  /** Minute of the day (UTC) the carrier collects from the warehouse. */
  collectionMinute: number;
  /** Whole days between dispatch and the promised delivery date. */
  promisedDays: number;
  /** Days the parcel arrives after the promised date (0 = on time). */
  lateDays: number;
  /** Hour of the day (UTC) the parcel is handed over. */
  deliveryHour: number;
  cancelledAfter: number;
  refundDaysAfterDelivery: number;
}

/** The shipment facts of an order at one moment. */
export interface ShipmentState {
  status: OrderStatus;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: string | null;
  /** Estimated delivery date, `YYYY-MM-DD`. */
  eta: string | null;
  deliveredAt: string | null;
  updatedAt: string;
}

const CARRIER_MIX: Readonly<Record<ShippingZone, readonly Carrier[]>> = {
  domestic: ['Royal Mail', 'Royal Mail', 'Royal Mail', 'DPD', 'DPD', 'Parcelforce'],
  europe: ['DPD', 'DPD', 'DHL Express', 'DHL Express', 'UPS', 'Royal Mail'],
  world: ['DHL Express', 'DHL Express', 'UPS', 'UPS', 'Royal Mail'],
};

const TRANSIT_DAYS: Readonly<Record<ShippingZone, readonly [number, number]>> = {
  domestic: [1, 3],
  europe: [3, 6],
  world: [5, 9],
};

function outcomeOf(random: IdRandom): Outcome {
  const roll = random.next();
  return roll < 0.04 ? 'cancelled' : roll < 0.07 ? 'refunded' : 'fulfilled';
}

/**
 * The timeline of an order, from its id and its destination only.
 *
 * @example
 * const plan = planShipment('536365', 'United Kingdom');
 */
export function planShipment(orderId: string, country: string): ShipmentPlan {
  const random = randomFor('shipment', orderId);
  const zone = shippingZone(country);
  const carrier = random.pick(CARRIER_MIX[zone]);
  // Most shoppers pay by card at once; a few pay by bank transfer a day or three later.
  const paidAfter = random.chance(0.08) ? random.int(20, 70) * HOUR : random.int(1, 10) * 60_000;
  const processingAfter = paidAfter + random.int(1, 4) * HOUR;
  // Some items wait for stock from the supplier before the parcel can go.
  const handling = random.chance(0.1) ? random.int(60, 140) : random.int(4, 20);
  const readyAfter = processingAfter + handling * HOUR;
  const [minDays, maxDays] = TRANSIT_DAYS[zone];
  return {
    outcome: outcomeOf(random),
    carrier,
    trackingNumber: trackingNumber(carrier, zone !== 'domestic', random),
    paidAfter,
    processingAfter,
    readyAfter,
    collectionMinute: random.int(15 * 60, 18 * 60),
    promisedDays: random.int(minDays, maxDays),
    lateDays: random.chance(0.15) ? random.int(1, 3) : 0,
    deliveryHour: random.int(8, 18),
    cancelledAfter: Math.min(random.int(2, 20) * HOUR, readyAfter - HOUR),
    refundDaysAfterDelivery: random.int(2, 10),
  };
}

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Milliseconds of each step for an order placed at `placedAt`. */
function milestones(placedAt: number, plan: ShipmentPlan) {
  const ready = placedAt + plan.readyAfter;
  // Parcels leave with the afternoon collection: today's if packed in time, else tomorrow's.
  const todaysCollection = startOfUtcDay(ready) + plan.collectionMinute * 60_000;
  const shippedAt = ready <= todaysCollection ? todaysCollection : todaysCollection + DAY;
  const promised = startOfUtcDay(shippedAt) + plan.promisedDays * DAY;
  const deliveredAt = promised + plan.lateDays * DAY + plan.deliveryHour * HOUR;
  return {
    paidAt: placedAt + plan.paidAfter,
    processingAt: placedAt + plan.processingAfter,
    shippedAt,
    promised,
    deliveredAt,
    cancelledAt: placedAt + plan.cancelledAfter,
    refundedAt: deliveredAt + plan.refundDaysAfterDelivery * DAY,
  };
}

/**
 * Where an order placed at `placedAt` (ms) stands at `now` (ms) on its planned timeline.
 * Nothing in the answer lies after `now`, except the estimated delivery date of a parcel that
 * has not arrived yet.
 */
export function shipmentAt(placedAt: number, plan: ShipmentPlan, now: number): ShipmentState {
  const m = milestones(placedAt, plan);
  const before = (status: OrderStatus, since: number): ShipmentState => ({
    status,
    carrier: plan.carrier,
    trackingNumber: null,
    shippedAt: null,
    eta: status === 'pending' ? null : isoDate(m.promised),
    deliveredAt: null,
    updatedAt: iso(since),
  });
  if (plan.outcome === 'cancelled' && now >= m.cancelledAt) {
    return { status: 'cancelled', carrier: null, trackingNumber: null, shippedAt: null, eta: null, deliveredAt: null, updatedAt: iso(m.cancelledAt) };
  }
  if (now < m.paidAt) return before('pending', placedAt);
  if (now < m.processingAt) return before('paid', m.paidAt);
  if (now < m.shippedAt) return before('processing', m.processingAt);
  const shipped = { carrier: plan.carrier, trackingNumber: plan.trackingNumber, shippedAt: iso(m.shippedAt) };
  if (now < m.deliveredAt) {
    // A late parcel's estimate moves to the day it will really come, as carriers update theirs.
    return { status: 'shipped', ...shipped, eta: isoDate(Math.max(m.promised, m.deliveredAt)), deliveredAt: null, updatedAt: iso(m.shippedAt) };
  }
  const delivered = { ...shipped, eta: isoDate(m.promised), deliveredAt: iso(m.deliveredAt) };
  if (plan.outcome === 'refunded' && now >= m.refundedAt) return { status: 'refunded', ...delivered, updatedAt: iso(m.refundedAt) };
  return { status: 'delivered', ...delivered, updatedAt: iso(m.deliveredAt) };
}
