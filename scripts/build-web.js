#!/usr/bin/env node
// Bundles the storefront widget (with socket.io-client) and the demo storefront into dist/web/,
// which the server serves at `/`. Runs in `npm run build` and before `npm test`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'dist', 'web');
const STOREFRONT = path.join(ROOT, 'web-widget', 'storefront');
/** Browsers a shop's customers plausibly use; the bundle must parse on all of them. */
const TARGETS = ['es2020', 'chrome100', 'firefox100', 'safari15'];
/** Static storefront files copied as they are. */
const COPIED = new Set(['.html', '.css', '.svg', '.ico']);
/** The agent console's page and styles, served at /console/. */
const CONSOLE = path.join(ROOT, 'console');

async function main() {
  const started = Date.now();
  fs.mkdirSync(OUT, { recursive: true });
  await esbuild.build({
    entryPoints: {
      widget: path.join(ROOT, 'web-widget', 'index.ts'),
      storefront: path.join(STOREFRONT, 'storefront.ts'),
      'console/console': path.join(ROOT, 'console', 'console.ts'),
      'manager/manager': path.join(ROOT, 'console', 'manager', 'manager.ts'),
    },
    outdir: OUT,
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    platform: 'browser',
    target: TARGETS,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  for (const name of fs.readdirSync(STOREFRONT)) {
    if (COPIED.has(path.extname(name))) fs.copyFileSync(path.join(STOREFRONT, name), path.join(OUT, name));
  }
  for (const name of ['index.html', 'console.css']) fs.copyFileSync(path.join(CONSOLE, name), path.join(OUT, 'console', name));
  // The manager dashboard (issue 8), served at /manager/.
  for (const name of ['index.html', 'manager.css']) fs.copyFileSync(path.join(CONSOLE, 'manager', name), path.join(OUT, 'manager', name));
  const size = fs.statSync(path.join(OUT, 'widget.js')).size;
  console.log(`build-web: dist/web (widget.js ${(size / 1024).toFixed(1)} kB) in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(`build-web: ${error.message}`);
  process.exit(1);
});
