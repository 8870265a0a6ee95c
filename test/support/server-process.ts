import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const MAIN = path.join(__dirname, '..', '..', 'dist', 'server', 'main.js');

/** The real server (`dist/server/main.js`) in a child process, for crash and restart tests. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Log lines seen so far (JSON objects). */
  logs: Record<string, unknown>[];
}

/**
 * Starts `node dist/server/main.js` on 127.0.0.1 with a random port and resolves once it logs
 * that it is up. Needs `npm run build` first (`npm test` does it). As with `startShop`, no
 * background recommender rebuild (about 3.5 s of CPU after every start) unless `env` asks for one.
 */
export function spawnServer(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SHOPKEEP_RECOMMENDER_REBUILD_MINUTES: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code ?? signal}: ${stderr}`));
    });
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      if (typeof entry.port === 'number' && String(entry.msg).startsWith('Shopkeep is up')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, url: `http://127.0.0.1:${entry.port}`, logs });
      }
    });
  });
}

/** `kill -9`: no shutdown code runs. */
export function killHard(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

/** SIGTERM and wait for a clean exit; resolves with the exit code. */
export function stopGracefully(server: ServerProcess): Promise<number | null> {
  return new Promise((resolve) => {
    server.child.once('exit', (code) => resolve(code));
    server.child.kill('SIGTERM');
  });
}
