/**
 * The demo shop loaded once per Jest run into a template database file, which `startShop` copies
 * for every server it starts on a new file: loading 2,382 products, their customers and orders
 * costs about half a second of CPU, paid once instead of in every suite. The demo is placed in
 * time around the moment the run started, as a server started then would have placed it; the
 * copies are the database a server that loaded the demo then would have left. Tests that load the
 * demo from scratch (the `npm start` path) do so through the built server (`server-process.ts`)
 * or `test/data`, never through this file.
 *
 * A second template also holds the demo's console users with the default passwords, as a server
 * started with those leaves them: creating them costs two scrypt hashes (about a quarter second
 * of CPU) per server start otherwise. Servers given other demo passwords start from the first one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemoShop } from '../../data';
import { ensureDemoUsers } from '../../server/auth';
import { loadConfig } from '../../server/config';
import { openStore, seedShopSkills } from '../../store';

/** The environment variable that tells the test workers where the template is. */
export const DEMO_TEMPLATE_ENV = 'SHOPKEEP_TEST_DEMO_TEMPLATE';
/** The same for the template that also holds the demo's console users. */
export const DEMO_USERS_TEMPLATE_ENV = 'SHOPKEEP_TEST_DEMO_USERS_TEMPLATE';

/** Jest globalSetup: builds both templates in a temp folder and names them to the workers. */
export default async function buildDemoTemplate(): Promise<void> {
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
  const withUsers = path.join(dir, 'demo-users.db');
  fs.copyFileSync(file, withUsers);
  const usersStore = openStore({ file: withUsers });
  try {
    const defaults = loadConfig({});
    await ensureDemoUsers(usersStore, { agent: defaults.SHOPKEEP_DEMO_AGENT_PASSWORD, manager: defaults.SHOPKEEP_DEMO_MANAGER_PASSWORD });
  } finally {
    usersStore.close();
  }
  process.env[DEMO_TEMPLATE_ENV] = file;
  process.env[DEMO_USERS_TEMPLATE_ENV] = withUsers;
}

/**
 * Copies a template to `dbFile` when there is one and `dbFile` does not exist yet; says whether
 * it did. `consoleUsers`: the one with the demo's console users (default passwords).
 */
export function copyDemoTemplate(dbFile: string, options: { consoleUsers?: boolean } = {}): boolean {
  const template = process.env[options.consoleUsers ? DEMO_USERS_TEMPLATE_ENV : DEMO_TEMPLATE_ENV];
  if (!template || !fs.existsSync(template) || dbFile === ':memory:' || fs.existsSync(dbFile)) return false;
  fs.copyFileSync(template, dbFile);
  return true;
}
