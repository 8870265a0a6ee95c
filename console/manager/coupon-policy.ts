// The coupon policy form of the manager dashboard (issue 6): who gets an offer, how much, how
// often, within what budget, and how many shoppers are held out to measure uplift.
import { part } from '../dom';
import type { ManagerApi, PolicyDocument } from './api';

/** Segments the form offers a discount for, in the order shown. */
const SEGMENTS = ['new', 'occasional', 'regulars', 'loyal high spenders', 'at risk', 'lapsed'] as const;

function input(form: HTMLFormElement, name: string): HTMLInputElement {
  return form.elements.namedItem(name) as HTMLInputElement;
}

function percent(value: number): string {
  return String(Math.round(value * 1000) / 10);
}

function fill(form: HTMLFormElement, doc: PolicyDocument): void {
  input(form, 'enabled').checked = doc.enabled;
  input(form, 'bandMin').value = percent(doc.policy.band.min);
  input(form, 'bandMax').value = percent(doc.policy.band.max);
  input(form, 'dailyBudget').value = String(doc.policy.dailyBudget);
  input(form, 'offerEveryDays').value = String(doc.policy.offerEveryDays);
  input(form, 'holdOutShare').value = percent(doc.policy.holdOutShare);
  for (const segment of SEGMENTS) input(form, `discount:${segment}`).value = String(doc.policy.discountBySegment[segment] ?? '');
  part('policy-status').textContent = doc.updatedAt ? `Saved ${new Date(doc.updatedAt).toLocaleString()}` : 'Not saved yet: offers are off.';
}

function read(form: HTMLFormElement): { enabled: boolean; policy: PolicyDocument['policy'] } {
  const number = (name: string): number => Number(input(form, name).value);
  const discountBySegment: Record<string, number> = {};
  for (const segment of SEGMENTS) {
    const raw = input(form, `discount:${segment}`).value.trim();
    // An empty discount leaves the segment out: its shoppers get no offer.
    if (raw !== '') discountBySegment[segment] = Number(raw);
  }
  return {
    enabled: input(form, 'enabled').checked,
    policy: {
      band: { min: number('bandMin') / 100, max: number('bandMax') / 100 },
      dailyBudget: number('dailyBudget'),
      offerEveryDays: number('offerEveryDays'),
      holdOutShare: number('holdOutShare') / 100,
      discountBySegment,
    },
  };
}

/** Builds the discount inputs once, then loads the policy in force. */
export async function showCouponPolicy(api: ManagerApi): Promise<void> {
  const form = part<HTMLFormElement>('policy-form');
  const discounts = part('policy-discounts');
  if (discounts.querySelector('input') === null) {
    for (const segment of SEGMENTS) {
      const label = document.createElement('label');
      label.append(`${segment} (% off) `);
      const field = document.createElement('input');
      Object.assign(field, { name: `discount:${segment}`, type: 'number', min: '0', max: '100', step: '1' });
      label.append(field);
      discounts.append(label);
    }
  }
  fill(form, await api.couponPolicy());
}

/** Saves the form; the server validates and answers with the policy now in force. */
export async function saveCouponPolicy(api: ManagerApi): Promise<void> {
  const form = part<HTMLFormElement>('policy-form');
  try {
    fill(form, await api.saveCouponPolicy(read(form)));
  } catch (err) {
    part('policy-status').textContent = err instanceof Error ? err.message : String(err);
  }
}
