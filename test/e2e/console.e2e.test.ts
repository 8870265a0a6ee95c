/**
 * End to end: a shopper in the storefront widget and an agent in the console, side by side in
 * Chromium against the real server: ask for a human, claim, chat both ways (typing shown),
 * resolve, CSAT.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createApp, loadConfig, type ShopkeepApp } from '../../server';
import { DEMO_USERS } from '../../server/auth';
import { collectPageErrors, describeWithChromium, launchChromium, type LaunchedBrowser } from '../support/browser';
import { copyDemoTemplate } from '../support/demo-template';
import { openWidget, requireWidgetBundle, sendMessage, transcript, waitForEntry } from '../support/widget-page';

const AGENT_PASSWORD = 'e2e-agent-password';

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/console/`);
  await page.locator('[data-login-form] input[name=email]').fill(DEMO_USERS.agent.email);
  await page.locator('[data-login-form] input[name=password]').fill(AGENT_PASSWORD);
  await page.locator('[data-login-form] input[name=password]').press('Enter');
  await page.locator('#app').waitFor({ state: 'visible' });
  await page.locator('[data-connection]', { hasText: 'live' }).waitFor();
}

describeWithChromium('shopper widget and agent console against the real server', () => {
  let dir: string;
  let browser: LaunchedBrowser;
  let shop: ShopkeepApp;
  let url: string;
  let shopper: Page;
  let agent: Page;
  let errors: string[];

  beforeAll(async () => {
    requireWidgetBundle();
    dir = await mkdtemp(path.join(os.tmpdir(), 'shopkeep-console-e2e-'));
    // The demo shop comes from the run's template database (`demo-template.ts`), loaded once per
    // run; nothing here shows recommendations, so no recommender rebuild (~3.5 s of CPU) at start.
    copyDemoTemplate(path.join(dir, 'shop.db'));
    shop = await createApp(
      loadConfig({ SHOPKEEP_DB: path.join(dir, 'shop.db'), SHOPKEEP_DEMO: '1', LOG_LEVEL: 'silent', SHOPKEEP_DEMO_AGENT_PASSWORD: AGENT_PASSWORD, SHOPKEEP_RECOMMENDER_REBUILD_MINUTES: '0' }),
    );
    const address = await shop.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${address.port}`;
    browser = await launchChromium();
    agent = await browser.context.newPage();
    shopper = await browser.context.newPage();
    errors = [...collectPageErrors(agent), ...collectPageErrors(shopper)];
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a wrong password on the sign-in page', async () => {
    await agent.goto(`${url}/console/`);
    await agent.locator('[data-login-form] input[name=email]').fill(DEMO_USERS.agent.email);
    await agent.locator('[data-login-form] input[name=password]').fill('not-the-password');
    await agent.locator('[data-login-form] button[type=submit]').click();
    await agent.locator('[data-login-error]', { hasText: 'wrong email or password' }).waitFor();
  });

  it('hands a shopper to an agent who claims, chats, resolves; the shopper rates the help', async () => {
    await signIn(agent, url);
    await shopper.goto(`${url}/`);
    await openWidget(shopper);
    await sendMessage(shopper, 'I want to talk to a human');
    await waitForEntry(shopper, 'bot', /expected wait/i);

    // The queue updates live; the agent opens the conversation with the keyboard and claims it.
    const waiting = agent.locator('[data-waiting] button').first();
    await waiting.waitFor();
    expect(await waiting.textContent()).toMatch(/I want to talk to a human/);
    await agent.keyboard.press('Alt+1');
    await agent.keyboard.press('Enter');
    await agent.locator('[data-summary]', { hasText: 'asked for a person' }).waitFor();
    await agent.keyboard.press('Alt+c');
    await agent.locator('[data-chat-status]', { hasText: 'yours' }).waitFor();
    await waitForEntry(shopper, 'system', /joined the conversation/);
    const botRepliesAtClaim = (await transcript(shopper)).filter((line) => line.startsWith('bot|')).length;

    // Agent → shopper (typing shown on the way), then shopper → agent, with hostile text kept as text.
    await agent.keyboard.press('Alt+2');
    await agent.keyboard.type('Hi, I am Alex. How can I help?');
    await shopper.locator('#shopkeep-widget p.typing', { hasText: 'An agent is typing' }).waitFor();
    await agent.keyboard.press('Enter');
    await waitForEntry(shopper, 'agent', 'Hi, I am Alex. How can I help?');
    await agent.locator('[data-transcript] li.agent', { hasText: 'Hi, I am Alex' }).waitFor();

    await shopper.locator('#shopkeep-widget textarea').pressSequentially('My parcel <img src=x onerror=alert(1)> is late');
    await agent.locator('[data-typing]', { hasText: 'The shopper is typing' }).waitFor();
    await shopper.locator('#shopkeep-widget textarea').press('Enter');
    const line = agent.locator('[data-transcript] li.shopper', { hasText: 'My parcel <img src=x onerror=alert(1)> is late' });
    await line.waitFor();
    expect(await agent.locator('[data-transcript] img').count()).toBe(0);

    // Canned reply and a private note.
    await agent.locator('[data-canned]').selectOption({ label: 'Checking' });
    expect(await agent.locator('[data-reply]').inputValue()).toMatch(/checking this for you/);
    await agent.locator('[data-reply]').press('Enter');
    await waitForEntry(shopper, 'agent', /checking this for you/);
    await agent.locator('[data-note]').fill('Parcel late; offered to check with the carrier.');
    await agent.locator('[data-note-form] button').click();
    await agent.locator('[data-notes] li', { hasText: 'offered to check with the carrier' }).waitFor();
    expect(await transcript(shopper)).not.toContainEqual(expect.stringContaining('offered to check'));

    // The bot said nothing while the agent owned the conversation.
    expect((await transcript(shopper)).filter((l) => l.startsWith('bot|'))).toHaveLength(botRepliesAtClaim);

    await agent.keyboard.press('Alt+r');
    await agent.locator('[data-chat-status]', { hasText: 'resolved' }).waitFor();
    await waitForEntry(shopper, 'bot', /rate the help/);
    await shopper.locator('#shopkeep-widget .quick-replies button', { hasText: '5' }).click();
    await waitForEntry(shopper, 'bot', /Thank you for your rating/);
    const handoff = shop.store.handoffs.latestFor(shop.store.handoffs.waiting()[0]?.conversationId ?? (await conversationOf(shop)))!;
    expect(shop.store.handoffExtras.ratingOf(handoff.id)).toBe(5);
    expect(errors).toEqual([]);
  }, 90_000);
});

/** The one conversation that was handed over in this test. */
async function conversationOf(shop: ShopkeepApp): Promise<string> {
  const row = shop.store.db.prepare('SELECT conversation_id AS id FROM handoffs ORDER BY queued_at DESC LIMIT 1').get() as { id: string };
  return row.id;
}
