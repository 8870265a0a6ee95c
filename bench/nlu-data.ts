import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

/** Where the shared data sets live: `SHOPKEEP_SHARED_DATA` or `../shared/data` beside the repository. */
export function sharedDataDir(): string {
  return process.env.SHOPKEEP_SHARED_DATA ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data');
}

const INTENT_ROW = z.object({ text: z.string(), category: z.string().optional(), label: z.string().optional() });

/** A BANKING77 file as `{ text, intent }` (the few-shot file names its column `label`, in another case). */
export function readBanking(file: string): { text: string; intent: string }[] {
  const rows = z.array(INTENT_ROW).parse(parse(fs.readFileSync(path.join(sharedDataDir(), 'intent', 'banking77', file)), { columns: true }));
  return rows.map((r) => ({ text: r.text, intent: (r.category ?? r.label ?? '').toLowerCase() }));
}

const UCI = ['amazon_cells_labelled', 'yelp_labelled', 'imdb_labelled'] as const;
const SENTIMENT_ROW = z.object({ text: z.string(), label: z.coerce.number().int() });

/** The UCI Amazon/Yelp/IMDb sentences with their domain. */
export function readUciSentences(): { text: string; label: number; domain: string }[] {
  return UCI.flatMap((domain) =>
    z
      .array(SENTIMENT_ROW)
      .parse(parse(fs.readFileSync(path.join(sharedDataDir(), 'sentiment', 'uci_sentiment_sentences', `${domain}.csv`)), { columns: true }))
      .map((r) => ({ text: r.text, label: r.label, domain })),
  );
}
