#!/usr/bin/env node
// `npm test`: type-checks the whole project (tsc --noEmit over tsconfig.json: sources, tests,
// benchmarks) and runs Jest at the same time; fails when either fails. `pretest` has built dist/
// from the current sources first. The type-check is one single-threaded process of about half a
// minute; Jest's two workers leave a core idle whenever a suite waits on a browser, a child
// server or a socket, and tsc fills those gaps instead of running alone in front of the tests.
// Arguments go to Jest: `npm test -- test/nlu`.
'use strict';
const { Buffer } = require('node:buffer');
const { spawn } = require('node:child_process');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

/** Runs a Node CLI of a dependency; resolves with its exit code. */
function run(bin, args, stdio) {
  const child = spawn(process.execPath, [require.resolve(bin, { paths: [ROOT] }), ...args], { cwd: ROOT, stdio });
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      resolve({ code: 1, output });
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

async function main() {
  const started = Date.now();
  // tsc's report waits until Jest is done, so it never lands in the middle of Jest's output.
  const typecheck = run('typescript/bin/tsc', ['-p', 'tsconfig.json', '--noEmit'], ['ignore', 'pipe', 'pipe']);
  const jest = run('jest/bin/jest', process.argv.slice(2), 'inherit');
  const [types, tests] = await Promise.all([typecheck, jest]);
  process.stdout.write(Buffer.concat(types.output));
  const verdict = types.code === 0 ? 'no type errors' : `type errors (tsc exited with ${types.code})`;
  process.stdout.write(`typecheck: ${verdict}; jest exited with ${tests.code}; ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  process.exitCode = types.code !== 0 ? types.code : tests.code;
}

main().catch((error) => {
  console.error(`test: ${error.message}`);
  process.exitCode = 1;
});
