#!/usr/bin/env node
'use strict';
// The CLI runs from the compiled tree; `npm install` builds it (the "prepare" script).
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'server', 'cli.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('shopkeep: not built yet; run `npm run build` in the project first\n');
  process.exit(1);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; })
  .catch((err) => {
    process.stderr.write(`shopkeep: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
