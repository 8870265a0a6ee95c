import fs from 'node:fs';
import { z } from 'zod';
import { OUTBOX_STATUSES, openStore, type Store } from '../../store';
import { loadConfig } from '../config';
import { CliError, parseOptions, type CliCommand, type CliIo } from './command';

const DB = { db: { type: 'string' } } as const;

function withStore<T>(db: string | undefined, fn: (store: Store) => T): T {
  const file = db ?? loadConfig().SHOPKEEP_DB;
  if (!fs.existsSync(file)) throw new CliError(`no database at ${file}`);
  const store = openStore({ file });
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

/** `shopkeep webhook outbox`: the webhook deliveries in one status, one JSON object per line. */
const outboxCommand: CliCommand = {
  path: ['webhook', 'outbox'],
  summary: 'list webhook deliveries (default: dead letters) as JSON lines',
  usage: '[--status dead|pending|delivered] [--limit 100] [--db FILE]',
  async run(argv: string[], io: CliIo): Promise<void> {
    const opts = parseOptions(
      argv,
      { ...DB, status: { type: 'string' }, limit: { type: 'string' } },
      z.object({ db: z.string().min(1).optional(), status: z.enum(OUTBOX_STATUSES).default('dead'), limit: z.coerce.number().int().min(1).max(10_000).default(100) }),
    );
    const rows = withStore(opts.db, (store) => store.webhookOutbox.list(opts.status, opts.limit));
    for (const row of rows) {
      const { body: _body, ...delivery } = row;
      io.stdout(`${JSON.stringify(delivery)}\n`);
    }
  },
};

/** `shopkeep webhook retry`: sends a dead letter again from its first attempt. */
const retryCommand: CliCommand = {
  path: ['webhook', 'retry'],
  summary: 'give a dead-lettered webhook delivery a fresh set of attempts (the running server sends it)',
  usage: '--id DELIVERY_ID [--db FILE]',
  async run(argv: string[], io: CliIo): Promise<void> {
    const opts = parseOptions(argv, { ...DB, id: { type: 'string' } }, z.object({ db: z.string().min(1).optional(), id: z.string().min(1).max(200) }));
    if (!withStore(opts.db, (store) => store.webhookOutbox.requeue(opts.id))) throw new CliError(`no dead-lettered delivery ${opts.id}`);
    io.stdout(`requeued ${opts.id}\n`);
  },
};

/** The webhook channel's operator commands. */
export const WEBHOOK_COMMANDS: readonly CliCommand[] = [outboxCommand, retryCommand];
