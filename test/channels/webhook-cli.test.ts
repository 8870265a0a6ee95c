import path from 'node:path';
import { ActivityHandler } from 'botbuilder';
import { TurnPipeline, WebhookChannel, WebhookOutboxWorker, linkChannelUser } from '../../bot';
import { WEBHOOK_COMMANDS } from '../../server/cli/webhook-commands';
import { openStore, sequentialIds } from '../../store';
import { tempDir } from '../support/shop-server';
import { startReceiver } from './receiver';

function command(verb: string) {
  const found = WEBHOOK_COMMANDS.find((c) => c.path[1] === verb);
  if (!found) throw new Error(`no webhook ${verb}`);
  return found;
}

async function run(verb: string, argv: string[]): Promise<string> {
  let out = '';
  await command(verb).run(argv, { stdout: (t) => (out += t), stderr: () => undefined, isTty: false });
  return out;
}

it('lists dead letters and requeues one so the next sweep delivers it', async () => {
  const dir = tempDir();
  const file = path.join(dir.dir, 'shop.db');
  const receiver = await startReceiver((n) => (n === 1 ? 500 : 200));
  const clock = { now: () => Date.now() };
  const store = openStore({ file, clock, ids: sequentialIds() });
  const dead: string[] = [];
  const policy = { callbackUrl: receiver.url, secret: 'cli-test-secret-0123456789abcdefghij', maxAttempts: 1, baseDelayMs: 1000, maxDelayMs: 1000, timeoutMs: 5000, batchSize: 10 };
  const worker = new WebhookOutboxWorker(store, policy, clock, fetch, (d) => dead.push(d.id));
  const channel = new WebhookChannel(store, new TurnPipeline(store, new ActivityHandler()), () => undefined);
  const conversation = linkChannelUser(store, { channel: 'webhook', externalKey: '["c","u"]', locale: 'en', reference: { conversationId: 'c', userId: 'u' } });
  channel.enqueue(conversation.id, store.conversations.appendMessage({ conversationId: conversation.id, role: 'bot', text: 'hello' }).message);
  expect(await worker.sweep()).toEqual({ delivered: 0, retried: 0, dead: 1 });
  expect(dead).toHaveLength(1);

  const listed = (await run('outbox', ['--db', file])).trim().split('\n').map((l) => JSON.parse(l) as { id: string; status: string; lastError: string });
  expect(listed).toEqual([expect.objectContaining({ id: dead[0], status: 'dead', lastError: 'HTTP 500' })]);
  expect(await run('retry', ['--db', file, '--id', dead[0] ?? ''])).toMatch(/requeued/);
  await expect(run('retry', ['--db', file, '--id', dead[0] ?? ''])).rejects.toThrow(/no dead-lettered delivery/);
  expect(await worker.sweep()).toEqual({ delivered: 1, retried: 0, dead: 0 });
  await expect(run('outbox', ['--db', file, '--status', 'lost'])).rejects.toThrow(/--status/);

  store.close();
  await receiver.close();
  dir.cleanup();
});
