// The server with NLU_ENCODER set, through the tiny ONNX model: it answers at once with the plain
// model, trains an encoder head in the background and swaps it in, caches it for the next start,
// and falls back (with one warning) to the plain model when the encoder cannot be loaded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { IntentModel } from '../../nlu';
import { createLogger } from '../../server';
import { encoderBuiltinDir, retrainedModelDir } from '../../server/nlu-training';
import { ask, connectShopper, startShop, tempDir, type TestShop } from '../support/shop-server';
import { createTinyEncoderFixture, TINY_ENCODER_DIMENSION, type TinyEncoderFixture } from '../support/tiny-encoder-model';

/** A logger whose JSON lines are kept, to see what the server said about its encoder. */
function capturedLogger(): { logger: ReturnType<typeof createLogger>; messages: () => { level: number; msg: string }[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('info', sink), messages: () => lines.map((l) => JSON.parse(l) as { level: number; msg: string }) };
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function answers(shop: TestShop, text: string): Promise<string> {
  const { socket } = await connectShopper(shop.url, { locale: 'en' });
  try {
    return (await ask(socket, text, `c-${Math.random()}`)).text;
  } finally {
    socket.disconnect();
  }
}

describe('the server with a sentence encoder (NLU_ENCODER)', () => {
  let fixture: TinyEncoderFixture;
  let temp: ReturnType<typeof tempDir>;
  let dbFile: string;
  beforeAll(() => {
    fixture = createTinyEncoderFixture();
    temp = tempDir('shopkeep-encoder-server-');
    dbFile = path.join(temp.dir, 'shop.db');
  });
  afterAll(() => {
    fixture.cleanup();
    temp.cleanup();
  });
  const env = (): Record<string, string> => ({ NLU_ENCODER: fixture.modelId, NLU_MODELS_DIR: fixture.modelsDir });

  it('answers with the plain model, trains the encoder head in the background and swaps it in', async () => {
    const { logger, messages } = capturedLogger();
    const shop = await startShop(dbFile, { logger }, env());
    try {
      expect(await answers(shop, 'where is my order?')).not.toBe('');
      await until(() => messages().some((m) => m.msg === 'NLU now uses the sentence encoder'), 240_000);
      const cached = encoderBuiltinDir(retrainedModelDir(dbFile), fixture.modelId);
      expect(IntentModel.readMeta(cached).encoder).toEqual({ name: fixture.modelId, dimension: TINY_ENCODER_DIMENSION });
      expect(await answers(shop, 'hello')).not.toBe('');
    } finally {
      await shop.stop();
    }
  }, 300_000);

  it('serves the cached encoder model at the next start without training again', async () => {
    const { logger, messages } = capturedLogger();
    const shop = await startShop(dbFile, { logger }, env());
    try {
      expect(messages().map((m) => m.msg)).toContain('NLU uses the sentence encoder');
      expect(messages().some((m) => m.msg.startsWith('training the NLU'))).toBe(false);
      expect(await answers(shop, 'where is my order?')).not.toBe('');
    } finally {
      await shop.stop();
    }
  }, 60_000);

  it('falls back to the plain model, warning once, when the encoder cannot be loaded', async () => {
    const { logger, messages } = capturedLogger();
    const shop = await startShop(dbFile, { logger }, { ...env(), NLU_ENCODER: 'org/missing-model' });
    try {
      expect(await answers(shop, 'where is my order?')).not.toBe('');
      const warnings = messages().filter((m) => m.msg.includes('without the sentence encoder'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.level).toBe(40);
      expect(fs.existsSync(encoderBuiltinDir(retrainedModelDir(dbFile), 'org/missing-model'))).toBe(false);
    } finally {
      await shop.stop();
    }
  }, 60_000);
});
