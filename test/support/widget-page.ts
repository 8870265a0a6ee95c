/**
 * Page helpers for driving the widget in Chromium; shared by the widget tests (against the test
 * shop) and the end-to-end test (against the real server). Playwright's CSS selectors pierce the
 * widget's open shadow root.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** The built widget; `npm test` builds it first (`node scripts/build-web.js`). */
export const WIDGET_BUNDLE = path.resolve(__dirname, '..', '..', 'dist', 'web', 'widget.js');

/** Fail early with the fix when the bundle is missing, instead of a blank page. */
export function requireWidgetBundle(): void {
  if (!existsSync(WIDGET_BUNDLE)) throw new Error('dist/web/widget.js is missing: run `node scripts/build-web.js` (npm test does)');
}

/** The conversation entries, as `role|status|text` lines. */
export async function transcript(page: Page): Promise<string[]> {
  return page.locator('#shopkeep-widget li.entry').evaluateAll((items) =>
    items.map((item) => {
      const role = ['shopper', 'bot', 'agent', 'system'].find((r) => item.classList.contains(r)) ?? '?';
      const status = ['pending', 'sent', 'failed'].find((s) => item.classList.contains(s)) ?? '?';
      return `${role}|${status}|${item.querySelector('.bubble')?.textContent ?? ''}`;
    }),
  );
}

/** The launcher button, whatever its current label. */
export function launcher(page: Page): Locator {
  return page.locator('#shopkeep-widget button.launcher');
}

/** The message box. */
export function messageBox(page: Page): Locator {
  return page.locator('#shopkeep-widget textarea');
}

/** Open the panel with the keyboard (focus the launcher, press Enter). */
export async function openWidget(page: Page): Promise<void> {
  await launcher(page).focus();
  await page.keyboard.press('Enter');
  await page.locator('#shopkeep-widget .panel').waitFor({ state: 'visible' });
}

/** Type a message and press Enter. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  await messageBox(page).fill(text);
  await messageBox(page).press('Enter');
}

/** Wait for an entry of `role` whose text contains `text` (in the DOM, even while the panel is closed). */
export async function waitForEntry(page: Page, role: 'shopper' | 'bot' | 'agent' | 'system', text: string | RegExp, status?: string): Promise<Locator> {
  const entry = page.locator(`#shopkeep-widget li.entry.${role}${status === undefined ? '' : `.${status}`}`, { hasText: text }).last();
  await entry.waitFor({ state: 'attached' });
  return entry;
}
