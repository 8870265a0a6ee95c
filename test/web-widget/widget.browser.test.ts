import type { Page } from 'playwright-core';
import { collectPageErrors, describeWithChromium, launchChromium, type LaunchedBrowser } from '../support/browser';
import { startTestShop, type TestShop } from '../support/shopper-test-server';
import { launcher, messageBox, openWidget, requireWidgetBundle, sendMessage, transcript, waitForEntry } from '../support/widget-page';

const ZH_TAG =
  '<script src="/widget.js" data-shopkeep-init data-locale="zh" data-title="小店客服" data-position="bottom-left" data-primary-color="#aa0000"></script>';
const BAD_INIT = 'Shopkeep.init({ primaryColor: "red;background:url(//evil.test)", position: "top", server: "javascript:alert(1)" })';
/** Pages embedding the widget in other ways than the storefront does. */
const EXTRA_PAGES = {
  '/zh.html': `<!doctype html><meta charset="utf-8"><body>${ZH_TAG}</body>`,
  '/bad.html': `<!doctype html><meta charset="utf-8"><body><script src="/widget.js"></script><script>${BAD_INIT}</script></body>`,
};

/** Poll a server-side condition the page causes asynchronously. */
async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeWithChromium('widget in Chromium against the test shop', () => {
  let browser: LaunchedBrowser;
  let shop: TestShop;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    requireWidgetBundle();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    shop = await startTestShop({ pages: EXTRA_PAGES });
    page = await browser.context.newPage();
    errors = collectPageErrors(page);
    await page.goto(`${shop.url}/`);
  });
  afterEach(async () => {
    await page.close();
    await shop.close();
    expect(errors).toEqual([]);
  });

  it('shows the catalog with product names as text and mounts the widget once', async () => {
    await page.locator('[data-catalog] li.product').nth(7).waitFor();
    const names = await page.locator('[data-catalog] .product-name').allTextContents();
    expect(names).toContain("POPPY'S PLAYHOUSE BEDROOM <b>bold</b>");
    expect(await page.locator('[data-catalog] b').count()).toBe(0);
    expect(await page.locator('[data-categories] a').allTextContents()).toEqual(['All', 'Home decor', 'Toys', 'Gifts']);
    await page.addScriptTag({ url: '/widget.js' });
    await page.evaluate(() => window.Shopkeep?.init({ locale: 'zh' }));
    expect(await page.locator('#shopkeep-widget').count()).toBe(1);
    expect(await launcher(page).getAttribute('aria-label')).toBe('Open chat');
  });

  it('takes settings from the script tag in Chinese, and drops invalid ones with a warning', async () => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto(`${shop.url}/zh.html`);
    expect(await launcher(page).getAttribute('aria-label')).toBe('打开聊天');
    expect(await page.locator('#shopkeep-widget h2').textContent()).toBe('小店客服');
    expect(await page.locator('#shopkeep-widget .root').evaluate((root) => [root.className, (root as HTMLElement).style.getPropertyValue('--sk-primary')])).toEqual([
      'root bottom-left',
      '#aa0000',
    ]);
    await page.goto(`${shop.url}/bad.html`);
    await launcher(page).waitFor();
    expect(await page.locator('#shopkeep-widget .root').evaluate((root) => [root.className, (root as HTMLElement).style.getPropertyValue('--sk-primary')])).toEqual([
      'root bottom-right',
      '#2f6f4e',
    ]);
    expect(warnings.filter((w) => w.startsWith('Shopkeep.init:')).map((w) => w.split(':')[1]?.trim()).sort()).toEqual(['position', 'primaryColor', 'server']);
    await openWidget(page);
    await sendMessage(page, 'hi');
    await waitForEntry(page, 'bot', 'Hello! How can I help?');
  });

  it('is keyboard usable: Enter opens and focuses the message box, Escape closes back to the launcher', async () => {
    await openWidget(page);
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
    expect(await messageBox(page).evaluate((box) => box === (box.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('#shopkeep-widget .panel').waitFor({ state: 'hidden' });
    expect(await launcher(page).evaluate((button) => button === (button.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await page.locator('#shopkeep-widget .panel').waitFor({ state: 'visible' });
    shop.state.holdReplies = true;
    await sendMessage(page, 'hi');
    await waitForEntry(page, 'shopper', 'hi', 'sent');
    await page.keyboard.press('Escape');
    for (const deliver of shop.state.heldReplies.splice(0)) deliver();
    await page.locator('#shopkeep-widget .badge', { hasText: '1' }).waitFor();
    expect(await launcher(page).getAttribute('aria-label')).toBe('Open chat (1 unread)');
    await page.keyboard.press('Enter');
    expect(await page.locator('#shopkeep-widget .badge').isHidden()).toBe(true);
  });

  it('chats: quick replies, product cards, a coupon, and hostile text shown as text', async () => {
    await openWidget(page);
    await sendMessage(page, 'hi');
    await waitForEntry(page, 'bot', 'Hello! How can I help?');
    await page.locator('#shopkeep-widget .quick-replies button', { hasText: 'Where is my order?' }).click();
    await waitForEntry(page, 'bot', 'What is your order number?');
    expect(await page.locator('#shopkeep-widget .quick-replies button').count()).toBe(0);
    await sendMessage(page, 'recommend something');
    const cards = (await waitForEntry(page, 'bot', 'You might like these')).locator('.card');
    expect(await cards.count()).toBe(2);
    expect(await cards.first().locator('a').getAttribute('href')).toBe(`${shop.url}/product.html?id=85123A`);
    expect(await cards.first().locator('.price').textContent()).toBe('£2.55');
    await sendMessage(page, 'a coupon please');
    const coupon = (await waitForEntry(page, 'bot', 'Here is a coupon')).locator('.coupon');
    expect(await coupon.locator('code').textContent()).toBe('SAVE10-XYZ');
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shop.url });
    await coupon.locator('button', { hasText: 'Copy code' }).click();
    await coupon.locator('button', { hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('SAVE10-XYZ');
    const hostile = '<img src=x onerror=alert(1)>';
    await sendMessage(page, hostile);
    await waitForEntry(page, 'bot', `You said: ${hostile}`);
    expect(await page.locator('#shopkeep-widget img').count()).toBe(0);
    expect((await transcript(page)).filter((line) => line.endsWith(hostile))).toEqual([
      `shopper|sent|${hostile}`,
      `bot|sent|You said: ${hostile}`,
    ]);
  });

  it('marks a refused message failed and stores a retry once, under the same clientId', async () => {
    shop.state.refuseNext = 1;
    await openWidget(page);
    await sendMessage(page, 'will be refused');
    const failed = await waitForEntry(page, 'shopper', 'will be refused', 'failed');
    await failed.locator('button.retry').click();
    await waitForEntry(page, 'shopper', 'will be refused', 'sent');
    await waitForEntry(page, 'bot', 'You said: will be refused');
    const [log] = [...shop.state.sessions.values()];
    expect(log?.filter((m) => m.role === 'shopper').map((m) => m.text)).toEqual(['will be refused']);
  });

  it('keeps the conversation across a reload and a server restart, sending while offline', async () => {
    await openWidget(page);
    await sendMessage(page, 'hi');
    await waitForEntry(page, 'bot', 'Hello! How can I help?');
    await page.reload();
    await waitForEntry(page, 'bot', 'Hello! How can I help?');
    expect(await page.locator('#shopkeep-widget .badge').isHidden()).toBe(true);
    await openWidget(page);
    expect(await transcript(page)).toEqual(['shopper|sent|hi', 'bot|sent|Hello! How can I help?']);
    const { port, state } = shop;
    await shop.close();
    await page.locator('#shopkeep-widget .status').waitFor({ state: 'visible' });
    await sendMessage(page, 'sent while offline');
    await waitForEntry(page, 'shopper', 'sent while offline', 'pending');
    shop = await startTestShop({ port, state });
    await waitForEntry(page, 'shopper', 'sent while offline', 'sent');
    await waitForEntry(page, 'bot', 'You said: sent while offline');
    expect(state.sessions.size).toBe(1);
  });

  it('keeps a message written while the server refuses connections across a reload, then delivers it', async () => {
    await openWidget(page);
    await sendMessage(page, 'hi');
    await waitForEntry(page, 'bot', 'Hello! How can I help?');
    shop.state.refuseConnections = true;
    shop.dropConnections();
    await page.locator('#shopkeep-widget .status').waitFor({ state: 'visible' });
    await sendMessage(page, 'written while refused');
    await waitForEntry(page, 'shopper', 'written while refused', 'pending');
    await page.reload();
    await waitForEntry(page, 'shopper', 'written while refused', 'pending');
    shop.state.refuseConnections = false;
    await waitForEntry(page, 'shopper', 'written while refused', 'sent');
    await waitForEntry(page, 'bot', 'You said: written while refused');
    expect(await transcript(page)).toEqual([
      'shopper|sent|hi',
      'bot|sent|Hello! How can I help?',
      'shopper|sent|written while refused',
      'bot|sent|You said: written while refused',
    ]);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('shopkeep:unsent:')))).toEqual([]);
  });

  it('leaves the recommendations strip out when the route is missing', async () => {
    const bare = await startTestShop({ recommendations: false });
    try {
      await page.goto(`${bare.url}/`);
      await page.locator('[data-catalog] li.product').first().waitFor();
      await page.waitForFunction(() => window.Shopkeep?.sessionId() !== undefined);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('[data-recommendations]').isHidden()).toBe(true);
    } finally {
      await page.goto('about:blank');
      await bare.close();
    }
  });

  it('tracks page views, product views, add to cart and purchase, and shows recommendations', async () => {
    await page.locator('[data-recommendations] li.product').nth(2).waitFor();
    expect(await page.locator('[data-recommendations] .reason').first().textContent()).toBe('Popular this week');
    await page.locator('[data-catalog] a', { hasText: 'WHITE METAL LANTERN' }).click();
    await page.locator('h1', { hasText: 'WHITE METAL LANTERN' }).waitFor();
    await page.locator('#quantity').fill('3');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('button', { name: 'Cart (3)' }).click();
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByText('Thank you!').waitFor();
    await waitUntil(() => shop.state.tracked.length >= 5);
    const events = shop.state.tracked.map(({ event }) => [event.type, event.productId ?? event.pageType, event.quantity].filter((x) => x !== undefined).join(':'));
    expect(events).toEqual(['page_view:product', 'page_view:product', 'product_view:71053', 'add_to_cart:71053:3', 'purchase:71053:3']);
    expect(new Set(shop.state.tracked.map((t) => t.sessionId)).size).toBe(1);
  });
});
