#!/usr/bin/env node
// botbuilder-dialogs ships a postinstall that deletes nested copies of
// @microsoft/recognizers-text-number (so every recognizer shares one culture table), but runs
// it through `npx rimraf`, which fails where npx may not download. We deny that script in
// package.json "allowScripts" and do the same clean-up here, with no download.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const NESTED = ['recognizers-text-suite', 'recognizers-text-date-time', 'recognizers-text-number-with-unit'];
const root = path.join(__dirname, '..', 'node_modules', '@microsoft');
for (const pkg of NESTED) {
  const nested = path.join(root, pkg, 'node_modules', '@microsoft', 'recognizers-text-number');
  fs.rmSync(nested, { recursive: true, force: true });
}

// Fixes to dependencies live in patches/ (see patches/README.md) and are applied by
// patch-package, a devDependency: an install without dev dependencies skips them, and the code
// that needs a fix checks for it at run time and says so.
let patchPackage;
try {
  patchPackage = require.resolve('patch-package/index.js', { paths: [path.join(__dirname, '..')] });
} catch {
  process.stderr.write('postinstall: patch-package is not installed; patches/ not applied\n');
}
if (patchPackage) {
  const { spawnSync } = require('node:child_process');
  const result = spawnSync(process.execPath, [patchPackage, '--error-on-fail'], {
    cwd: path.join(__dirname, '..'),
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
