import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { openStore } from '../../store';
import { tempDir } from '../support/shop-server';
import { addAgent, conversationWith } from './fixtures';

/** The built store (`npm test` builds it; or `npm run build`). */
const BUILT_STORE = path.resolve(__dirname, '..', '..', 'dist', 'store', 'index.js');

/**
 * One claimer: its own process and SQLite connection for the whole test. It opens the database
 * and says "ready"; then every line on stdin is a handoff id that it claims at once, answering
 * "won", "lost" or the error on a line. The test writes each round's id to all claimers at once,
 * so the claims race without any process spinning on the clock while the others start.
 */
const CLAIMER = `
const { openStore } = require(process.argv[1]);
const [file, agentId] = process.argv.slice(2);
const store = openStore({ file });
// A loaded CI machine may keep a process waiting for the write lock longer than the server's 5 s.
store.db.pragma('busy_timeout = 60000');
require('node:readline').createInterface({ input: process.stdin }).on('line', (handoffId) => {
  let outcome;
  try {
    outcome = store.handoffs.claim(handoffId, agentId, 3, null) ? 'won' : 'lost';
  } catch (err) {
    outcome = 'error: ' + err.message;
  }
  process.stdout.write(outcome + '\\n');
}).on('close', () => store.close());
process.stdout.write('ready\\n');
`;

/** A claimer process: `claim(id)` resolves with its next answer; `stop()` ends it. */
interface Claimer {
  claim(handoffId: string): Promise<string>;
  stop(): void;
}

/** Starts a claimer and resolves once it has opened the database. */
function startClaimer(file: string, agentId: string): Promise<Claimer> {
  const child = spawn(process.execPath, ['-e', CLAIMER, BUILT_STORE, file, agentId], { stdio: ['pipe', 'pipe', 'pipe'] });
  const waiting: ((line: string) => void)[] = [];
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  readline.createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(line));
  const next = (): Promise<string> =>
    new Promise((resolve, reject) => {
      waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`claimer exited ${code}: ${stderr}`)));
    });
  const claimer: Claimer = {
    claim: (handoffId) => {
      const answer = next();
      child.stdin.write(`${handoffId}\n`);
      return answer;
    },
    stop: () => child.stdin.end(),
  };
  return next().then((line) => {
    if (line !== 'ready') throw new Error(`claimer said ${line}: ${stderr}`);
    return claimer;
  });
}

describe('claim race between 10 processes on one database', () => {
  const tmp = tempDir();
  const claimers: Claimer[] = [];
  // Also after a failed round: a claimer left waiting on stdin would keep Jest from finishing.
  afterAll(() => {
    for (const claimer of claimers) claimer.stop();
    tmp.cleanup();
  });

  it('has exactly one winner in each of 5 rounds, with no errors', async () => {
    if (!fs.existsSync(BUILT_STORE)) throw new Error('dist/store is missing: run `npm run build` (npm test does)');
    const file = path.join(tmp.dir, 'race.db');
    const store = openStore({ file });
    const agents = Array.from({ length: 10 }, () => addAgent(store, { capacity: 10 }));
    // Every process has started and opened the database before the first round.
    claimers.push(...(await Promise.all(agents.map((a) => startClaimer(file, a.id)))));
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
      const outcomes = await Promise.all(claimers.map((c) => c.claim(handoff.id)));
      expect({ round, outcomes: outcomes.filter((o) => o !== 'lost') }).toEqual({ round, outcomes: ['won'] });
      expect(outcomes.filter((o) => o === 'lost')).toHaveLength(9);
      const winner = agents[outcomes.indexOf('won')];
      expect(store.handoffs.findById(handoff.id)).toMatchObject({ status: 'assigned', agentId: winner?.id });
      expect(store.handoffs.transitions(handoff.id).filter((t) => t.to === 'assigned')).toHaveLength(1);
    }
    store.close();
  }, 120_000);
});
