import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { LOCALES, OUT_OF_SCOPE, type Locale } from './types';
import { detectLocale } from './text';

/** One training or test message. */
export interface LabelledText {
  text: string;
  intent: string;
  locale: Locale;
}

const ROW = z.object({
  text: z.string().trim().min(1, 'empty text'),
  intent: z.string().trim().regex(/^[\w.-]+$/u, 'intent names are letters, digits, _ . -'),
  locale: z.enum(LOCALES).optional(),
});

/** Names other data sets give the out-of-scope label (CLINC150's `oos`), read as {@link OUT_OF_SCOPE}. */
const OUT_OF_SCOPE_ALIASES: ReadonlySet<string> = new Set(['oos', 'out-of-scope', 'outofscope', OUT_OF_SCOPE]);

/**
 * Parses a `text,intent[,locale]` CSV (header required). Rows are validated; the first bad
 * row fails with its line number. A missing locale is detected from the text.
 */
export function parseIntentCsv(content: string | Buffer, source = 'csv'): LabelledText[] {
  let records: Record<string, string>[];
  try {
    records = parse(content, { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (err) {
    throw new Error(`${source}: ${(err as Error).message.split('\n')[0]}`);
  }
  return records.map((record, i) => {
    const row = ROW.safeParse({ ...record, locale: record.locale || undefined });
    if (!row.success) {
      const issue = row.error.issues[0];
      throw new Error(`${source} row ${i + 2}: ${issue?.path.join('.') || 'row'} ${issue?.message ?? 'invalid'}`);
    }
    const intent = OUT_OF_SCOPE_ALIASES.has(row.data.intent.toLowerCase()) ? OUT_OF_SCOPE : row.data.intent;
    return { text: row.data.text, intent, locale: row.data.locale ?? detectLocale(row.data.text) };
  });
}

/** Reads every `*.csv` of a folder whose name passes `include` (sorted, so runs are reproducible). */
export function readCorpusFolder(dir: string, include: (file: string) => boolean): LabelledText[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.csv') && include(f))
    .sort()
    .flatMap((f) => parseIntentCsv(fs.readFileSync(path.join(dir, f)), f));
}

/** The shipped shop corpus folder (`nlu/corpora`), from sources or the compiled tree. */
export function shopCorpusDir(): string {
  const candidates = [path.resolve(__dirname, 'corpora'), path.resolve(__dirname, '..', '..', 'nlu', 'corpora')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'en')));
  if (!found) throw new Error('the shop corpus (nlu/corpora) is missing');
  return found;
}

/**
 * The shipped shop corpus in both languages: files named `*-test.csv` are the held-out test
 * split, never trained on; every other CSV is training data.
 */
export function readShopCorpus(): { train: LabelledText[]; test: LabelledText[] } {
  const dir = shopCorpusDir();
  const isTest = (f: string): boolean => f.endsWith('-test.csv');
  const read = (include: (f: string) => boolean): LabelledText[] => LOCALES.flatMap((l) => readCorpusFolder(path.join(dir, l), include));
  return { train: read((f) => !isTest(f)), test: read(isTest) };
}

/** Intents whose messages carry no mood of their own: the neutral class of the sentiment models. */
export const NEUTRAL_INTENTS: ReadonlySet<string> = new Set(['track_order', 'change_order', 'change_shipping_address', 'refund_policy', 'delivery_options', 'delivery_time', 'payment_methods', 'invoice', 'product_question', 'product_search', 'account_help', 'out_of_scope', 'affirm', 'deny', 'cancel', 'greeting', 'goodbye']);

/** Neutral messages of the shop corpus' training part in one language (held-out test files excluded). */
export function neutralShopTexts(locale: Locale): string[] {
  return readCorpusFolder(path.join(shopCorpusDir(), locale), (f) => !f.endsWith('-test.csv'))
    .filter((e) => NEUTRAL_INTENTS.has(e.intent))
    .map((e) => e.text);
}
