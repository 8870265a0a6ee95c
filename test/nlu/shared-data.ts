import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';

/** The shared data sets (`SHOPKEEP_SHARED_DATA` or `../shared/data` beside the repository). */
export const SHARED_DATA = process.env.SHOPKEEP_SHARED_DATA ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data');

/** True when a shared file exists; tests that need it skip with a message otherwise. */
export function hasShared(...parts: string[]): boolean {
  const ok = fs.existsSync(path.join(SHARED_DATA, ...parts));
  if (!ok) process.stderr.write(`skipping: shared data ${path.join(...parts)} not found under ${SHARED_DATA}\n`);
  return ok;
}

/** A BANKING77 file as `{ text, intent }` (the few-shot file names its column `label`, in another case). */
export function readBanking(file: string): { text: string; intent: string }[] {
  const rows = parse(fs.readFileSync(path.join(SHARED_DATA, 'intent', 'banking77', file)), { columns: true }) as Record<string, string>[];
  return rows.map((r) => ({ text: r.text ?? '', intent: (r.category ?? r.label ?? '').toLowerCase() }));
}
