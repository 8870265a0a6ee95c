#!/usr/bin/env node
// `npm test`: type-checks the whole project (tsc --noEmit over tsconfig.json: sources, tests,
// benchmarks) and runs Jest at the same time; fails when either fails. `pretest` has built dist/
// from the current sources first. The type-check is one single-threaded process of about half a
// minute; Jest's two workers leave a core idle whenever a suite waits on a browser, a child
// server or a socket, and tsc fills those gaps instead of running alone in front of the tests.
// It runs at a lower priority while Jest runs, so it takes idle time rather than slowing the
// longest suites, and at the normal one once Jest is done.
// Arguments go to Jest: `npm test -- test/nlu`.
'use strict';
const { Buffer } = require('node:buffer');
const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

/** Niceness of the type-check while Jest runs. */
const BELOW_JEST = 10;

/** Sets a process's niceness where that is allowed (raising it back needs root); else leaves it. */
function setPriority(pid, priority) {
  if (pid === undefined) return;
  try {
    os.setPriority(pid, priority);
  } catch {
    // Not allowed here: the process keeps the priority it has.
  }
}

/** Starts a Node CLI of a dependency; `done` resolves with its exit code and output (when piped). */
function start(bin, args, stdio) {
  const child = spawn(process.execPath, [require.resolve(bin, { paths: [ROOT] }), ...args], { cwd: ROOT, stdio });
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  const done = new Promise((resolve) => {
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      resolve({ code: 1, output });
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
  return { pid: child.pid, done };
}

async function main() {
  const started = Date.now();
  // tsc's report waits until Jest is done, so it never lands in the middle of Jest's output.
  const typecheck = start('typescript/bin/tsc', ['-p', 'tsconfig.json', '--noEmit'], ['ignore', 'pipe', 'pipe']);
  setPriority(typecheck.pid, BELOW_JEST);
  const tests = await start('jest/bin/jest', process.argv.slice(2), 'inherit').done;
  setPriority(typecheck.pid, 0);
  const types = await typecheck.done;
  process.stdout.write(Buffer.concat(types.output));
  const verdict = types.code === 0 ? 'no type errors' : `type errors (tsc exited with ${types.code})`;
  process.stdout.write(`typecheck: ${verdict}; jest exited with ${tests.code}; ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  process.exitCode = types.code !== 0 ? types.code : tests.code;
}

main().catch((error) => {
  console.error(`test: ${error.message}`);
  process.exitCode = 1;
});
