import fs from 'node:fs';
import { z } from 'zod';
import { openStore } from '../../store';
import { loadConfig } from '../config';
import { RetentionSweeper, deleteCustomer, exportCustomer, SUBJECT_EMAIL } from '../privacy';
import { parseOptions, type CliCommand, type CliIo } from './command';

const DB_OPTION = { db: { type: 'string' } } as const;
/** The database: `--db`, else `SHOPKEEP_DB` as the server would use it. */
const DB_SCHEMA = z.string().min(1).optional();

function databaseOf(db: string | undefined): string {
  return db ?? loadConfig().SHOPKEEP_DB;
}

const EXPORT: CliCommand = {
  path: ['customer', 'export'],
  summary: "write everything stored about one customer as JSON (GDPR access request)",
  usage: '--email E [--db FILE] [--out FILE]',
  async run(argv: string[], io: CliIo): Promise<void> {
    const opts = parseOptions(argv, { ...DB_OPTION, email: { type: 'string' }, out: { type: 'string' } }, z.object({ email: SUBJECT_EMAIL, db: DB_SCHEMA, out: z.string().min(1).optional() }));
    const store = openStore({ file: databaseOf(opts.db) });
    try {
      const data = exportCustomer(store, opts.email);
      const json = `${JSON.stringify(data, null, 2)}\n`;
      if (opts.out) {
        // Personal data: readable by the owner only.
        fs.writeFileSync(opts.out, json, { mode: 0o600 });
        const rows = Object.values(data.tables).reduce((n, list) => n + list.length, 0);
        io.stderr(`wrote ${rows} rows from ${Object.keys(data.tables).length} tables to ${opts.out}\n`);
      } else io.stdout(json);
    } finally {
      store.close();
    }
  },
};

const DELETE: CliCommand = {
  path: ['customer', 'delete'],
  summary: 'erase everything stored about one customer (GDPR erasure request)',
  usage: '--email E [--db FILE]',
  async run(argv: string[], io: CliIo): Promise<void> {
    const opts = parseOptions(argv, { ...DB_OPTION, email: { type: 'string' } }, z.object({ email: SUBJECT_EMAIL, db: DB_SCHEMA }));
    const store = openStore({ file: databaseOf(opts.db) });
    try {
      const { rows, subjectHash } = deleteCustomer(store, opts.email);
      io.stdout(`deleted ${rows} rows about ${opts.email} (logged as ${subjectHash.slice(0, 16)}…)\n`);
    } finally {
      store.close();
    }
  },
};

const PURGE: CliCommand = {
  path: ['retention', 'purge'],
  summary: 'delete conversations idle longer than the retention period now',
  usage: '[--db FILE] [--days N (default SHOPKEEP_RETENTION_DAYS)]',
  async run(argv: string[], io: CliIo): Promise<void> {
    const opts = parseOptions(argv, { ...DB_OPTION, days: { type: 'string' } }, z.object({ db: DB_SCHEMA, days: z.coerce.number().int().min(1).optional() }));
    const days = opts.days ?? loadConfig().SHOPKEEP_RETENTION_DAYS;
    const store = openStore({ file: databaseOf(opts.db) });
    try {
      const purged = new RetentionSweeper(store, { now: Date.now }, { days }).sweep();
      io.stdout(days <= 0 ? 'retention is off (SHOPKEEP_RETENTION_DAYS=0); nothing purged\n' : `purged ${purged} conversations idle for more than ${days} days\n`);
    } finally {
      store.close();
    }
  },
};

/** `shopkeep customer export|delete` and `shopkeep retention purge`. */
export const PRIVACY_COMMANDS: readonly CliCommand[] = [EXPORT, DELETE, PURGE];
