import { z } from 'zod';
import type { PersonalRows, Store } from '../../store';
import { subjectHash } from '../../store';

/** An email as a privacy request names its subject. */
export const SUBJECT_EMAIL = z.email({ message: 'must be an email address' }).max(254).transform((e) => e.trim().toLowerCase());

/** One customer's data, as handed to them (GDPR art. 15 and 20: access and portability). */
export interface CustomerExport {
  /** What this is, for whoever opens the file later. */
  kind: 'shopkeep-customer-export';
  email: string;
  exportedAt: string;
  /** Every stored row about the customer, by table. */
  tables: PersonalRows;
}

/**
 * Everything Shopkeep stores about the customer with this email: their customer record,
 * orders, sessions and page events, conversations (with every message), handoffs, notes,
 * follow-ups, returns, payments and audit entries. The request is logged (by a hash of the
 * email).
 */
export function exportCustomer(store: Store, email: string): CustomerExport {
  const address = SUBJECT_EMAIL.parse(email);
  const tables = store.privacy.collect(address);
  const rows = Object.values(tables).reduce((n, list) => n + list.length, 0);
  const request = store.privacy.record('export', address, rows);
  return { kind: 'shopkeep-customer-export', email: address, exportedAt: request.at, tables };
}

/**
 * Erases everything about the customer with this email (GDPR art. 17), in one transaction:
 * the rows {@link exportCustomer} would return. The log keeps only the email's hash and the count.
 *
 * @returns how many rows were deleted
 */
export function deleteCustomer(store: Store, email: string): { rows: number; subjectHash: string } {
  const address = SUBJECT_EMAIL.parse(email);
  const rows = store.privacy.erase(address);
  store.privacy.record('delete', address, rows);
  return { rows, subjectHash: subjectHash(address) };
}
