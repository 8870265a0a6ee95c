'use strict';
// Runs a TypeScript worker entry when Shopkeep runs from its sources (tests, development): it
// compiles each .ts file with @swc/core as it is required. The built product (dist/) starts its
// workers from plain .js files and never loads this.
const fs = require('node:fs');
const { workerData } = require('node:worker_threads');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

require(workerData.entry);
