/**
 * Microsoft's Web Chat (botframework-webchat) in Chromium, talking to the real server through
 * its local Direct Line emulation (`SHOPKEEP_DIRECTLINE=1`): what the shopper sees is what the
 * store keeps, in the same tables as the widget.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { collectPageErrors, describeWithChromium, launchChromium, type LaunchedBrowser } from '../support/browser';
import { startShop, tempDir, type TestShop } from '../support/shop-server';

/** Microsoft's prebuilt Web Chat bundle, as shops embed it (see vendor/botframework-webchat/README.md). */
const WEBCHAT_BUNDLE = path.resolve(__dirname, '..', '..', 'vendor', 'botframework-webchat', 'webchat.js');
/** The test page, served by the test itself (intercepted), never by the product. */
const PAGE_PATH = '/__test/webchat.html';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Web Chat test</title>
<style>html, body, #webchat { height: 100%; margin: 0 }</style></head>
<body><div id="webchat" role="main"></div>
<script src="/__test/webchat.js"></script>
<script>
  fetch('/directline/v3/directline/tokens/generate', { method: 'POST' })
    .then((res) => res.json())
    .then(({ token }) => {
      const directLine = window.WebChat.createDirectLine({
        token, domain: location.origin + '/directline/v3/directline', webSocket: false, pollingInterval: 300,
      });
      window.WebChat.renderWebChat({ directLine, userID: 'webchat-shopper', locale: 'en-US' }, document.getElementById('webchat'));
    });
</script></body></html>`;

const BOT_BUBBLES = '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content';

async function sendAndWait(page: Page, text: string): Promise<string[]> {
  const before = await page.locator(BOT_BUBBLES).count();
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
  await page.waitForFunction(
    ({ selector, count }) => document.querySelectorAll(selector).length > count,
    { selector: BOT_BUBBLES, count: before },
    { timeout: 20_000 },
  );
  return (await page.locator(BOT_BUBBLES).allTextContents()).slice(before);
}

describeWithChromium('Web Chat over the Direct Line emulation', () => {
  let dir: ReturnType<typeof tempDir>;
  let running: TestShop;
  let browser: LaunchedBrowser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    dir = tempDir('shopkeep-webchat-');
    running = await startShop(path.join(dir.dir, 'shop.db'), {}, { SHOPKEEP_DIRECTLINE: '1' });
    browser = await launchChromium();
    page = await browser.context.newPage();
    errors = collectPageErrors(page);
    await page.route(`${running.url}/__test/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === PAGE_PATH) return route.fulfill({ contentType: 'text/html', body: PAGE });
      return route.fulfill({ contentType: 'text/javascript', path: WEBCHAT_BUNDLE });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    dir?.cleanup();
  });

  it('greets the shopper and asks for the order, and the store keeps the same transcript', async () => {
    await page.goto(`${running.url}${PAGE_PATH}`);
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor({ timeout: 20_000 });

    const greeting = await sendAndWait(page, 'hi');
    expect(greeting.join(' ').trim()).not.toBe('');
    const order = await sendAndWait(page, 'where is my order?');
    expect(order.join(' ')).toMatch(/order/i);

    const conversations = running.shop.store.db
      .prepare("SELECT id FROM conversations WHERE channel = 'botframework'")
      .pluck()
      .all() as string[];
    expect(conversations).toHaveLength(1);
    const transcript = running.shop.store.conversations.messages(conversations[0] ?? '');
    const shopper = transcript.filter((m) => m.role === 'shopper');
    expect(shopper.map((m) => m.text)).toEqual(['hi', 'where is my order?']);
    expect(shopper[1]?.annotations?.intent).toBe('track_order');
    const botTexts = transcript.filter((m) => m.role === 'bot').map((m) => m.text);
    // Web Chat renders Markdown, which turns straight apostrophes into typographic ones.
    const shown = [...greeting, ...order].map((t) => t.replace(/\u2019/g, "'").trim());
    expect(shown).toEqual(botTexts);
    expect(errors).toEqual([]);
  });
});
