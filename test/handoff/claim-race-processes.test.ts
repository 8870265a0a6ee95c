import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../store';
import { tempDir } from '../support/shop-server';
import { addAgent, conversationWith } from './fixtures';

/** The built store (`npm test` builds it; or `npx tsc -p tsconfig.build.json`). */
const BUILT_STORE = path.resolve(__dirname, '..', '..', 'dist', 'store', 'index.js');

/** One claimer: its own process and SQLite connection, spinning until the shared start time. */
const CLAIMER = `
const { openStore } = require(process.argv[1]);
const [file, handoffId, agentId, startAt] = process.argv.slice(2);
const store = openStore({ file });
// A loaded CI machine may keep a process waiting for the write lock longer than the server's 5 s.
store.db.pragma('busy_timeout = 60000');
while (Date.now() < Number(startAt)) {}
let outcome;
try {
  outcome = store.handoffs.claim(handoffId, agentId, 3, null) ? 'won' : 'lost';
} catch (err) {
  outcome = 'error: ' + err.message;
}
store.close();
process.stdout.write(outcome);
`;

function claimInProcess(file: string, handoffId: string, agentId: string, startAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CLAIMER, BUILT_STORE, file, handoffId, agentId, String(startAt)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`claimer exited ${code}: ${err}`))));
  });
}

describe('claim race between 10 processes on one database', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('has exactly one winner in each of 5 rounds, with no errors', async () => {
    if (!fs.existsSync(BUILT_STORE)) throw new Error('dist/store is missing: run `npx tsc -p tsconfig.build.json` (npm test does)');
    const file = path.join(tmp.dir, 'race.db');
    const store = openStore({ file });
    const agents = Array.from({ length: 10 }, () => addAgent(store, { capacity: 10 }));
    for (let round = 0; round < 5; round += 1) {
      const { handoff } = store.handoffs.open({
        conversationId: conversationWith(store).id,
        trigger: 'asked',
        language: 'en',
        team: 'general',
        priority: 1,
        intent: null,
        sentimentScore: null,
        summary: 'race',
        deadlineAt: new Date(Date.now() + 600_000).toISOString(),
      });
      // Every process is started and has opened the database well before the shared start time.
      const startAt = Date.now() + 1500;
      const outcomes = await Promise.all(agents.map((a) => claimInProcess(file, handoff.id, a.id, startAt)));
      expect({ round, outcomes: outcomes.filter((o) => o !== 'lost') }).toEqual({ round, outcomes: ['won'] });
      expect(outcomes.filter((o) => o === 'lost')).toHaveLength(9);
      const winner = agents[outcomes.indexOf('won')];
      expect(store.handoffs.findById(handoff.id)).toMatchObject({ status: 'assigned', agentId: winner?.id });
      expect(store.handoffs.transitions(handoff.id).filter((t) => t.to === 'assigned')).toHaveLength(1);
    }
    store.close();
  }, 120_000);
});
