/**
 * Derives the English shop corpus from the Bitext customer-service data (CDLA-Sharing-1.0):
 * maps its 27 intents onto Shopkeep's, drops the ones the shop has no skill for, caps each of
 * our intents so account questions (six Bitext intents) do not swamp the rest, and keeps
 * Bitext's own train/test split (our test split is never trained on).
 *
 * Run: `node dist/nlu/scripts/import-bitext.js ../shared/data/intent/bitext nlu/corpora/en`
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { createRng, shuffled } from '../random';

/** Bitext intent → Shopkeep intent; `null` = no matching skill, left out. */
export const BITEXT_INTENT_MAP: Readonly<Record<string, string | null>> = {
  cancel_order: 'cancel_order',
  change_order: 'change_order',
  change_shipping_address: 'change_shipping_address',
  set_up_shipping_address: 'change_shipping_address',
  check_invoice: 'invoice',
  get_invoice: 'invoice',
  check_payment_methods: 'payment_methods',
  check_refund_policy: 'refund_policy',
  check_cancellation_fee: null,
  complaint: 'complaint',
  contact_customer_service: 'talk_to_human',
  contact_human_agent: 'talk_to_human',
  create_account: 'account_help',
  delete_account: 'account_help',
  edit_account: 'account_help',
  recover_password: 'account_help',
  registration_problems: 'account_help',
  switch_account: 'account_help',
  delivery_options: 'delivery_options',
  delivery_period: 'delivery_time',
  get_refund: 'return_request',
  newsletter_subscription: null,
  payment_issue: 'payment_issue',
  place_order: null,
  review: null,
  track_order: 'track_order',
  track_refund: 'refund_status',
};

const ROW = z.object({ utterance: z.string().min(1), intent: z.string().min(1) });
const CAP = { train: 260, test: 40 } as const;

function convert(file: string, split: keyof typeof CAP): string[][] {
  const rows = z.array(ROW).parse(parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true }));
  const byIntent = new Map<string, string[]>();
  for (const row of rows) {
    const ours = BITEXT_INTENT_MAP[row.intent];
    if (!ours) continue;
    byIntent.set(ours, [...(byIntent.get(ours) ?? []), row.utterance]);
  }
  const rng = createRng(7);
  const out: string[][] = [];
  for (const [intent, texts] of [...byIntent.entries()].sort()) {
    const unique = [...new Set(texts)];
    for (const text of shuffled(unique, rng).slice(0, CAP[split])) out.push([text, intent]);
  }
  return out;
}

function main(): void {
  const [source, target] = process.argv.slice(2);
  if (!source || !target) throw new Error('usage: import-bitext SOURCE_DIR TARGET_DIR');
  const train = [...convert(path.join(source, 'train.csv'), 'train'), ...convert(path.join(source, 'dev.csv'), 'test')];
  fs.writeFileSync(path.join(target, 'bitext-train.csv'), stringify(train.slice(0), { header: true, columns: ['text', 'intent'] }));
  fs.writeFileSync(path.join(target, 'bitext-test.csv'), stringify(convert(path.join(source, 'test.csv'), 'test'), { header: true, columns: ['text', 'intent'] }));
}

main();
