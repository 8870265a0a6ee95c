/**
 * The load bench's swarm counts what it measures: against the echo yardstick, a light load
 * (20 shoppers, a message a second each, for 3 seconds) is kept up with, so the turns a second
 * it reports are the turns offered. Needs `npm run build` first (`npm test` does it).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const LOAD = path.join(__dirname, '..', '..', 'dist', 'bench', 'load');

describe('shopper swarm', () => {
  let echo: ChildProcess;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-swarm-'));
    echo = spawn(process.execPath, [path.join(LOAD, 'echo-server.js'), path.join(dir, 'echo.db')], { stdio: ['ignore', 'pipe', 'inherit'] });
    const first = await new Promise<string>((resolve) => readline.createInterface({ input: echo.stdout as NodeJS.ReadableStream }).once('line', resolve));
    url = `http://127.0.0.1:${(JSON.parse(first) as { port: number }).port}`;
  });

  afterAll(() => {
    echo.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports the turns a second it offered when the server keeps up', async () => {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [path.join(LOAD, 'shopper-swarm.js'), url, '20', '3', '1000'], (err, stdout) => (err ? reject(err) : resolve(stdout))),
    );
    const figures = JSON.parse(out.trim().split('\n').at(-1) as string) as { sent: number; replied: number; errors: number; seconds: number; turnsPerSecond: number };
    expect(figures.errors).toBe(0);
    expect(figures.replied).toBe(figures.sent);
    // Each shopper sends in each of the 3 seconds: 60 turns in 3 s. The last interval each
    // shopper waits out after its last message is not a measured second (20 × 3 / 4 = 15 was).
    expect(figures.sent).toBeGreaterThanOrEqual(57);
    expect(figures.seconds).toBeCloseTo(3, 1);
    expect(figures.turnsPerSecond).toBeGreaterThanOrEqual(19);
    expect(figures.turnsPerSecond).toBeLessThanOrEqual(21);
  });
});
