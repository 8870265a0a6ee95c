/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: '<rootDir>/test/support/node-environment.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Training and browser tests are slow on a 2-core machine; a hung one still fails.
  testTimeout: 60_000,
  maxWorkers: 2,
  // Each test file runs in a vm context, where every read of a global (`Math`, `Float32Array`,
  // `Map`...) goes through the context's interceptor: a hot loop calling Math.exp ran 13x slower
  // than in plain Node, and model training in tests 1.3-2x. Passed to every module as a wrapper
  // parameter instead, these are plain local reads. Only globals no test replaces are listed
  // (not Date, timers, Promise or process, which fake timers and spies swap on the global).
  sandboxInjectedGlobals: [
    'Math', 'Array', 'Map', 'Set', 'WeakMap', 'JSON', 'Number', 'String', 'Object', 'Boolean', 'RegExp', 'Symbol', 'Reflect',
    'Error', 'TypeError', 'RangeError', 'Infinity', 'parseInt', 'parseFloat', 'isNaN', 'isFinite',
    'ArrayBuffer', 'DataView', 'Float32Array', 'Float64Array', 'Int32Array', 'Uint32Array', 'Uint8Array', 'Int16Array', 'Uint16Array', 'Int8Array',
  ],
  // Slowest suites first even without Jest's timing cache (a fresh clone in CI has none).
  // The demo shop is loaded once per run into a template database that test servers copy.
  globalSetup: '<rootDir>/test/support/demo-template.ts',
  globalTeardown: '<rootDir>/test/support/demo-template-teardown.ts',
  testSequencer: '<rootDir>/test/support/heavy-first-sequencer.js',
};
