#!/usr/bin/env node
// Refreshes the copy of Microsoft's Web Chat bundle that the Web Chat end-to-end test loads
// (vendor/botframework-webchat): `node scripts/vendor-webchat.js [version]`.
// Shops embed Web Chat as this one prebuilt file (Microsoft's CDN serves the same `dist/webchat.js`);
// the npm package would also install its source dependencies (React, the speech SDK, ~350 MB and
// 30,000 files) that the test never loads. `npm pack` fetches the package alone, without them.
'use strict';
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const PACKAGE = 'botframework-webchat';
const TARGET = path.join(__dirname, '..', 'vendor', PACKAGE);
const FILES = ['dist/webchat.js', 'dist/webchat.js.LICENSE.txt'];

function main() {
  const version = process.argv[2] ?? 'latest';
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-webchat-'));
  try {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', `${PACKAGE}@${version}`, '--json', '--pack-destination', work], { encoding: 'utf8' }));
    execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', work, ...FILES.map((f) => `package/${f}`)]);
    fs.mkdirSync(TARGET, { recursive: true });
    for (const file of FILES) fs.copyFileSync(path.join(work, 'package', file), path.join(TARGET, path.basename(file)));
    const sha256 = crypto.createHash('sha256').update(fs.readFileSync(path.join(TARGET, 'webchat.js'))).digest('hex');
    const source = { package: PACKAGE, version: packed.version, license: 'MIT', file: 'dist/webchat.js', sha256 };
    fs.writeFileSync(path.join(TARGET, 'source.json'), `${JSON.stringify(source, null, 2)}\n`);
    console.log(`${PACKAGE}@${packed.version} → ${path.relative(process.cwd(), TARGET)} (sha256 ${sha256})`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
