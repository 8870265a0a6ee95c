/**
 * End to end: a manager signs in to the dashboard in Chromium against the real server, sees the
 * figures of a period with known answers, searches transcripts, opens one (turns coloured by
 * sentiment, events inline, a sentiment curve), on a laptop and on a tablet.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_USERS } from '../../server/auth';
import { loadFixture } from '../analytics/fixture';
import { collectPageErrors, describeWithChromium, launchChromium, type LaunchedBrowser } from '../support/browser';
import { startShop, tempDir, type TestShop } from '../support/shop-server';

const MANAGER_PASSWORD = 'e2e-manager-password';
const BUNDLE = path.resolve(__dirname, '..', '..', 'dist', 'web', 'manager', 'manager.js');

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/manager/`);
  await page.locator('[data-login-form] input[name=email]').fill(DEMO_USERS.manager.email);
  await page.locator('[data-login-form] input[name=password]').fill(MANAGER_PASSWORD);
  await page.locator('[data-login-form] input[name=password]').press('Enter');
  await page.locator('[data-app]').waitFor({ state: 'visible' });
}

async function choosePeriod(page: Page, from: string, to: string): Promise<void> {
  await page.locator('[data-period] input[name=from]').fill(from);
  await page.locator('[data-period] input[name=to]').fill(to);
  await page.locator('[data-period] button[type=submit]').click();
}

describeWithChromium('manager dashboard in a browser', () => {
  let temp: ReturnType<typeof tempDir>;
  let shop: TestShop;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    if (!existsSync(BUNDLE)) throw new Error('dist/web/manager/manager.js is missing: run `node scripts/build-web.js` (npm test does)');
    temp = tempDir('shopkeep-manager-e2e-');
    shop = await startShop(path.join(temp.dir, 'shop.db'), {}, { SHOPKEEP_DEMO_MANAGER_PASSWORD: MANAGER_PASSWORD });
    loadFixture(shop.shop.store);
    // A hostile message must show as text, never run.
    shop.shop.store.db.prepare(`INSERT INTO messages (id, conversation_id, role, text, created_at) VALUES ('xss', 'c2', 'shopper', '<img src=x onerror="window.pwned=1">', '2026-03-01T11:00:05.000Z')`).run();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await shop?.stop();
    temp?.cleanup();
  });

  it('sets the coupon policy from the dashboard, and refuses a bad one with its reason', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, shop.url);
    const form = page.locator('[data-policy-form]');
    await form.locator('[data-policy-status]', { hasText: /offers are off|Saved/u }).waitFor();
    await form.locator('input[name=enabled]').check();
    await form.locator('input[name=holdOutShare]').fill('20');
    await form.locator('input[name="discount:lapsed"]').fill('25');
    await form.locator('button[type=submit]').click();
    await form.locator('[data-policy-status]', { hasText: /^Saved/u }).waitFor();
    const saved = (await (await page.request.get(`${shop.url}/api/manager/offers/policy`)).json()) as {
      enabled: boolean;
      policy: { holdOutShare: number; discountBySegment: Record<string, number> };
    };
    expect(saved.enabled).toBe(true);
    expect(saved.policy.holdOutShare).toBeCloseTo(0.2);
    expect(saved.policy.discountBySegment.lapsed).toBe(25);
    await form.locator('input[name=bandMin]').fill('90');
    await form.locator('input[name=bandMax]').fill('10');
    await form.locator('button[type=submit]').click();
    await form.locator('[data-policy-status]', { hasText: /band/u }).waitFor();
    expect(errors).toEqual([]);
    // The next test signs in afresh.
    await page.locator('[data-logout]').click();
    await page.locator('[data-login-form]').waitFor();
    await page.close();
  });

  it('shows the dashboard of a period, then opens a transcript with its turns, events and curve', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, shop.url);
    await choosePeriod(page, '2026-03-01', '2026-03-02');
    await page.locator('[data-tile="Conversations"] b', { hasText: /^3$/u }).waitFor();
    expect(await page.locator('[data-tile="Containment"] b').textContent()).toBe('66.7%');
    expect(await page.locator('[data-tile="CSAT"] b').textContent()).toBe('4.00 (1)');
    expect(await page.locator('[data-agents] td').first().textContent()).toBe('Ada Agent');
    // Uplift comes from the offers engine's report: the offered shopper bought, the held-out one did not.
    await page.locator('[data-coupons] dd', { hasText: '100.0% (1/1 shoppers)' }).waitFor();
    expect(await page.locator('[data-coupons]').textContent()).toMatch(/Uplift100\.0% \[/u);
    expect(await page.locator('canvas[data-chart="daily"]').evaluate((c: HTMLCanvasElement) => c.width > 0)).toBe(true);

    await page.locator('[data-tab="transcripts"]').click();
    await page.locator('[data-filters] select[name=handedOff]').selectOption('true');
    await page.locator('[data-filters] button[type=submit]').click();
    await page.locator('tr.row[data-conversation="c2"]').waitFor();
    expect(await page.locator('tr.row').count()).toBe(1);
    await page.locator('tr.row[data-conversation="c2"]').click();
    await page.locator('[data-transcript] h2', { hasText: 'c2' }).waitFor();
    const shopperTurn = page.locator('.turn.shopper.negative').first();
    expect(await shopperTurn.textContent()).toContain('talk_to_human (0.95)');
    expect(await shopperTurn.evaluate((li) => getComputedStyle(li).borderLeftColor)).toBe('rgb(220, 38, 38)');
    expect(await page.locator('[data-event="handoff"]').count()).toBe(2);
    expect(await page.locator('[data-event="csat"]').textContent()).toContain('CSAT 4/5');
    expect(await page.locator('.turn', { hasText: '<img src=x' }).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('[data-transcript] canvas').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('fits a tablet screen without sideways scrolling', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 768, height: 1024 });
    // The browser kept the session cookie of the first sign-in.
    await page.goto(`${shop.url}/manager/`);
    await page.locator('[data-app]').waitFor({ state: 'visible' });
    await choosePeriod(page, '2026-03-01', '2026-03-02');
    await page.locator('[data-tile="Conversations"] b', { hasText: /^3$/u }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.close();
  }, 60_000);
});
