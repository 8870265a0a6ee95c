'use strict';
// Jest runs the slowest suites first only when its cache says which they are; a fresh clone
// (CI) has no cache, and Jest then orders by file size, which starts short files full of
// training or kill -9 rounds last and leaves one worker busy alone at the end. This sequencer
// falls back to the wall times of a quiet full run for the suites that take long, so both
// workers finish together on a cold run as well.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/** Seconds of a quiet full run on the 2-core machine, for suites of about 5 s or more. */
const KNOWN_SECONDS = {
  'nlu/encoder-server.test.ts': 21,
  'nlu/banking77-full.test.ts': 20,
  'load/crash-under-load.test.ts': 15,
  'e2e/console.e2e.test.ts': 14,
  'web-widget/widget.browser.test.ts': 13,
  'nlu/intent-model.test.ts': 10,
  'e2e/widget.e2e.test.ts': 8,
  'recommender/quality.test.ts': 8,
  'security/csp.browser.test.ts': 8,
  'e2e/manager.e2e.test.ts': 7,
  'handoff/agent-flow.test.ts': 7,
  'handoff/restart.test.ts': 7,
  'nlu/sentiment.test.ts': 6,
  'models/propensity-model.test.ts': 6,
  'e2e/webchat.e2e.test.ts': 6,
  'analytics/nlu-training.test.ts': 5,
  'server/crash-restart.test.ts': 5,
};

const TEST_ROOT = path.join(__dirname, '..');

class HeavyFirstSequencer extends Sequencer {
  /** Slowest first: Jest's own timing from its cache, else the known time, else by file size. */
  sort(tests) {
    const size = (test) => test.context.hasteFS.getSize(test.path) ?? 0;
    for (const test of tests) {
      const known = KNOWN_SECONDS[path.relative(TEST_ROOT, test.path).split(path.sep).join('/')];
      test.duration = this.time(test) ?? (known === undefined ? undefined : known * 1000);
    }
    return tests.sort((a, b) => (b.duration ?? 0) - (a.duration ?? 0) || size(b) - size(a));
  }
}

module.exports = HeavyFirstSequencer;
