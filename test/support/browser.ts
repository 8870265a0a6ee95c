/**
 * One way for every test to start Debian's Chromium through playwright-core: a fresh profile, no
 * network beyond 127.0.0.1, nothing downloaded. Never `npx playwright install`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian puts Chromium (`apt-get install -y chromium`); `SHOPKEEP_CHROMIUM` overrides. */
export const CHROMIUM_PATH = process.env.SHOPKEEP_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep the browser quiet and local: every host but 127.0.0.1 fails to resolve. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/** Whether Chromium is installed; browser suites skip (and say why) when it is not. */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * `describe` when Chromium is installed. Without it, a developer's run skips the suite with a
 * warning naming the fix, but CI (`CI` set) fails: `.ci/run` installs Chromium, so a missing one
 * there is a broken setup, never a reason to pass without the browser tests.
 * @example
 * describeWithChromium('widget in a browser', () => { ... });
 */
export function describeWithChromium(name: string, suite: () => void): void {
  if (chromiumAvailable()) {
    describe(name, suite);
    return;
  }
  const fix = `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
  if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(fix);
      });
    });
    return;
  }
  console.warn(`Skipping "${name}": ${fix}.`);
  describe.skip(name, suite);
}

/** A running browser with its own throw-away profile. */
export interface LaunchedBrowser {
  context: BrowserContext;
  /** Close the browser and delete its profile. */
  close(): Promise<void>;
}

/** Options of `launchChromium`. */
export interface LaunchOptions {
  /** @default { width: 1280, height: 800 } */
  viewport?: { width: number; height: number };
}

/** Start Chromium with a fresh user-data-dir (so localStorage starts empty and survives reloads). */
export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'shopkeep-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Chromium's own log line for a send on a closing WebSocket (not a script error). */
const NETWORK_NOISE = /^WebSocket is already in CLOSING or CLOSED state\.$/;

/**
 * Collect uncaught page errors and console errors, so a test can assert the page ran cleanly.
 * @returns the live list of error messages
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // Chromium logs every refused or 404 request as a console error; the tests provoke both on
    // purpose (a stopped server, an absent optional route), so only script errors count. It also
    // logs a frame sent on a WebSocket that a stopped server is closing, before socket.io sees the
    // close: a volatile "typing" event (meant to be lost) or a message (its ack times out, and the
    // widget sends it again on reconnect, as the restart test checks).
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource') && !NETWORK_NOISE.test(text)) {
      errors.push(`console: ${text}`);
    }
  });
  return errors;
}
