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
