#!/usr/bin/env node
// Compiles the server's TypeScript (the folders of tsconfig.build.json) to dist/, one CommonJS
// file per source file, with esbuild. This is a transpile, not a type-check: it takes about a
// second where `tsc` takes half a minute, so `npm install` (prepare) and `npm start` stay quick.
// Types are checked by `npm run typecheck`, which `npm test` runs before this build. The
// sources are written for it: `isolatedModules` in tsconfig.json keeps every file compilable
// on its own, and the output layout is tsc's (rootDir `.` → dist/<folder>/<file>.js).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const BUILD_CONFIG = path.join(ROOT, 'tsconfig.build.json');

/** Whether a file is a source file to compile (not a declaration file, not a test). */
function isSource(name) {
  return name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts');
}

/** Every source file under `dir`, skipping dependency and output folders. */
function sourcesUnder(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') found.push(...sourcesUnder(full));
    } else if (isSource(entry.name)) {
      found.push(full);
    }
  }
  return found;
}

async function main() {
  const started = Date.now();
  // tsconfig.build.json lists the folders of the server build; it stays the one place for them.
  const { include } = JSON.parse(fs.readFileSync(BUILD_CONFIG, 'utf8'));
  const entryPoints = include.flatMap((folder) => sourcesUnder(path.join(ROOT, folder)));
  await esbuild.build({
    entryPoints,
    outdir: path.join(ROOT, 'dist'),
    outbase: ROOT,
    bundle: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    tsconfig: BUILD_CONFIG,
    logLevel: 'warning',
  });
  console.log(`build-server: ${entryPoints.length} files to dist/ in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(`build-server: ${error.message}`);
  process.exit(1);
});
