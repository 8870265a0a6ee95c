/**
 * The demo shop loaded once per Jest run into a template database file, which `startShop` copies
 * for every server it starts on a new file: loading 2,382 products, their customers and orders
 * costs about half a second of CPU, paid once instead of in every suite. The demo is placed in
 * time around the moment the run started, as a server started then would have placed it; the
 * copies are the database a server that loaded the demo then would have left. Tests that load the
 * demo from scratch (the `npm start` path) do so through the built server (`server-process.ts`)
 * or `test/data`, never through this file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemoShop } from '../../data';
import { openStore, seedShopSkills } from '../../store';

/** The environment variable that tells the test workers where the template is. */
export const DEMO_TEMPLATE_ENV = 'SHOPKEEP_TEST_DEMO_TEMPLATE';

/** Jest globalSetup: builds the template in a temp folder and names it to the workers. */
export default function buildDemoTemplate(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-demo-template-'));
  const file = path.join(dir, 'demo.db');
  const store = openStore({ file });
  try {
    loadDemoShop(store, { now: Date.now() });
    seedShopSkills(store);
  } finally {
    // Closing checkpoints the WAL into the one file that is copied.
    store.close();
  }
  process.env[DEMO_TEMPLATE_ENV] = file;
}

/** Copies the template to `dbFile` when there is one and `dbFile` does not exist yet; says whether it did. */
export function copyDemoTemplate(dbFile: string): boolean {
  const template = process.env[DEMO_TEMPLATE_ENV];
  if (!template || !fs.existsSync(template) || dbFile === ':memory:' || fs.existsSync(dbFile)) return false;
  fs.copyFileSync(template, dbFile);
  return true;
}
