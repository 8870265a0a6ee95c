#!/usr/bin/env node
'use strict';
// Runs every benchmark in bench/ (compiled to dist/bench/), one process each so their memory
// figures do not mix. `npm run bench -- nlu` runs only the benchmarks whose name contains "nlu".
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const benchDir = path.join(root, 'dist', 'bench');
const filter = process.argv[2] ?? '';
const files = fs.existsSync(benchDir)
  ? fs.readdirSync(benchDir).filter((f) => f.endsWith('.js') && f.includes(filter)).sort()
  : [];
if (files.length === 0) {
  process.stderr.write(`no benchmarks match "${filter}"\n`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n=== ${file.replace(/\.js$/, '')} ===\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', path.join(benchDir, file)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
