import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Interaction } from './types';

const COLUMNS = ['user_id', 'item_id', 'weight', 'timestamp'] as const;

const timestamp = z.union([
  z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number),
  z
    .string()
    .refine((text) => !Number.isNaN(Date.parse(text)), 'not a number or a date')
    .transform((text) => Date.parse(text)),
]);

/** One CSV row after trimming; empty optional cells count as absent. */
const rowSchema = z.object({
  user_id: z.string().min(1, 'empty user_id'),
  item_id: z.string().min(1, 'empty item_id'),
  weight: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().positive().finite().optional()),
  timestamp: z.preprocess((v) => (v === '' ? undefined : v), timestamp.optional()),
});

/** Parsed interactions plus the number of data rows read. */
export interface CsvInteractions {
  interactions: Interaction[];
  rows: number;
}

function columnOrder(first: readonly string[]): { order: readonly string[]; hasHeader: boolean } {
  const names = first.map((cell) => cell.trim().toLowerCase());
  if (!names.includes('user_id') && !names.includes('item_id')) return { order: COLUMNS, hasHeader: false };
  for (const needed of ['user_id', 'item_id']) {
    if (!names.includes(needed)) throw new Error(`header has no ${needed} column`);
  }
  return { order: names, hasHeader: true };
}

/**
 * Reads `user_id,item_id[,weight[,timestamp]]` CSV (with or without that header; a header may
 * order the columns freely). Every row is checked; the first bad one throws with its line.
 *
 * @example
 * parseInteractionsCsv('user_id,item_id\nu1,lamp\n').interactions; // [{ userId: 'u1', itemId: 'lamp' }]
 */
export function parseInteractionsCsv(text: string): CsvInteractions {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: true, trim: true, bom: true });
  } catch (err) {
    throw new Error(`bad CSV: ${(err as Error).message.split('\n')[0]}`);
  }
  if (records.length === 0) throw new Error('no rows');
  const { order, hasHeader } = columnOrder(records[0] as string[]);
  const interactions: Interaction[] = [];
  for (let r = hasHeader ? 1 : 0; r < records.length; r++) {
    const record = records[r] as string[];
    const raw = Object.fromEntries(order.map((name, i) => [name, record[i] ?? '']));
    const row = rowSchema.safeParse(raw);
    if (!row.success) {
      const issue = row.error.issues[0];
      throw new Error(`line ${r + 1}: ${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`);
    }
    const { user_id: userId, item_id: itemId, weight, timestamp: time } = row.data;
    interactions.push({ userId, itemId, ...(weight !== undefined && { weight }), ...(time !== undefined && { timestamp: time }) });
  }
  return { interactions, rows: records.length - (hasHeader ? 1 : 0) };
}
