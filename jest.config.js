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
  // Slowest suites first even without Jest's timing cache (a fresh clone in CI has none).
  // The demo shop is loaded once per run into a template database that test servers copy.
  globalSetup: '<rootDir>/test/support/demo-template.ts',
  globalTeardown: '<rootDir>/test/support/demo-template-teardown.ts',
  testSequencer: '<rootDir>/test/support/heavy-first-sequencer.js',
};
