import { parse } from 'csv-parse/sync';
import { FEATURE_COLUMNS, LABEL_COLUMN, LABEL_SCHEMA, SESSION_ROW_SCHEMA, type SessionFeatures } from './session-schema';

/** A bad sessions CSV: the message names the line and column. */
export class SessionsCsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionsCsvError';
  }
}

/** Sessions read from CSV, with their labels when the file has the `Revenue` column. */
export interface SessionsTable {
  sessions: SessionFeatures[];
  /** `Revenue` per session; undefined when the column is absent. */
  labels: boolean[] | undefined;
}

/**
 * Parses and validates a CSV with the columns of the UCI Online Shoppers data (extra columns are
 * ignored). Throws {@link SessionsCsvError} naming the line and column of the first bad value.
 *
 * @param requireLabel - fail when the `Revenue` column is missing, @default false
 * @example
 * const { sessions, labels } = parseSessionsCsv(text, { requireLabel: true });
 */
export function parseSessionsCsv(text: string, { requireLabel = false } = {}): SessionsTable {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    // info gives each record's line in the file (a quoted field may span lines)
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true });
  } catch (err) {
    throw new SessionsCsvError(`not a valid CSV: ${(err as Error).message.split('\n')[0]}`);
  }
  if (records.length === 0) throw new SessionsCsvError('no data rows');
  const header = Object.keys(records[0]?.record ?? {});
  const missing = FEATURE_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new SessionsCsvError(`missing column(s): ${missing.join(', ')}`);
  const hasLabel = header.includes(LABEL_COLUMN);
  if (requireLabel && !hasLabel) throw new SessionsCsvError(`missing label column ${LABEL_COLUMN}`);
  const sessions: SessionFeatures[] = [];
  const labels: boolean[] = [];
  records.forEach(({ record, info }) => {
    const line = info.lines;
    const parsed = SESSION_ROW_SCHEMA.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SessionsCsvError(`line ${line}, column ${String(issue?.path[0])}: ${issue?.message}`);
    }
    sessions.push(parsed.data);
    if (!hasLabel) return;
    const label = LABEL_SCHEMA.safeParse(record[LABEL_COLUMN]);
    if (!label.success) {
      throw new SessionsCsvError(`line ${line}, column ${LABEL_COLUMN}: expected TRUE or FALSE, got ${JSON.stringify(record[LABEL_COLUMN])}`);
    }
    labels.push(label.data);
  });
  return { sessions, labels: hasLabel ? labels : undefined };
}
