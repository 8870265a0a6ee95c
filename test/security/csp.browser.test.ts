/**
 * The Content-Security-Policy and the other security headers, checked where they matter: the
 * storefront, the widget and the agent console must all work under them in Chromium, with no
 * policy violation, and hostile shopper text must not run.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_USERS } from '../../server/auth';
import { collectPageErrors, describeWithChromium, launchChromium, type LaunchedBrowser } from '../support/browser';
import { startShop, tempDir, type TestShop } from '../support/shop-server';
import { openWidget, requireWidgetBundle, sendMessage, waitForEntry } from '../support/widget-page';

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
}

describeWithChromium('pages under the security headers', () => {
  const tmp = tempDir();
  let shop: TestShop;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    requireWidgetBundle();
    shop = await startShop(path.join(tmp.dir, 'shop.db'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.stop();
    tmp.cleanup();
  });

  it('storefront and widget work with no CSP violation, and hostile text does not run', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    const violations = await watchViolations(page);
    const response = await page.goto(`${shop.url}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('[data-catalog] li.product').first().waitFor();
    await openWidget(page);
    await sendMessage(page, 'hi');
    await waitForEntry(page, 'bot', /\S/);
    await sendMessage(page, '<img src=x onerror="window.xss=1"><script>window.xss=2</script>');
    await waitForEntry(page, 'shopper', '<img src=x');
    await page.locator('[data-catalog] .product-name').first().click();
    await page.locator('[data-product] h1').waitFor();
    expect(await page.evaluate(() => (window as unknown as { xss?: number }).xss)).toBeUndefined();
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the agent console signs in and goes live with no CSP violation', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    const violations = await watchViolations(page);
    await page.goto(`${shop.url}/console/`);
    await page.locator('[data-login-form] input[name=email]').fill(DEMO_USERS.agent.email);
    await page.locator('[data-login-form] input[name=password]').fill('demo-agent-pass');
    await page.locator('[data-login-form] input[name=password]').press('Enter');
    await page.locator('#app').waitFor({ state: 'visible' });
    await page.locator('[data-connection]', { hasText: 'live' }).waitFor();
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
  it('the manager dashboard signs in, draws its charts and opens the transcripts view with no CSP violation', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    const violations = await watchViolations(page);
    await page.goto(`${shop.url}/manager/`);
    await page.locator('[data-login-form] input[name=email]').fill(DEMO_USERS.manager.email);
    await page.locator('[data-login-form] input[name=password]').fill('demo-manager-pass');
    await page.locator('[data-login-form] input[name=password]').press('Enter');
    await page.locator('[data-app]').waitFor({ state: 'visible' });
    await page.locator('canvas[data-chart="daily"]').waitFor();
    await page.locator('[data-tab="transcripts"]').click();
    await page.locator('[data-view="transcripts"]').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => (window as unknown as { xss?: number }).xss)).toBeUndefined();
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
