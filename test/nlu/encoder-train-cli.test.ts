// `shopkeep nlu train --encoder` and the model it writes, predicted and evaluated with the same
// encoder through the tiny ONNX model; never silently without it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { env } from '@huggingface/transformers';
import { main } from '../../server/cli';
import type { CliIo } from '../../server/cli/command';
import { createTinyEncoderFixture, TINY_ENCODER_DIMENSION, type TinyEncoderFixture } from '../support/tiny-encoder-model';

const INTENTS: Record<string, string[]> = {
  track_order: ['where is my order', 'track my parcel', 'has my order shipped', 'when does my package arrive', 'order status please', 'where is my stuff', 'is my delivery on its way', 'tracking for my order'],
  cancel_order: ['cancel my order', 'i want to cancel the order', 'please cancel it', 'stop my order', 'cancel purchase', 'can i cancel my order', 'i no longer want my order', 'cancel order now'],
  greeting: ['hi', 'hello', 'hey there', 'good morning', 'hiya', 'hello there', 'hey', 'good evening'],
  out_of_scope: ['what is the weather', 'tell me a joke', 'who won the match', 'how tall is everest', 'play music', 'what time is it in tokyo', 'write a poem', 'capital of france'],
};

function capture(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', isTty: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

let fixture: TinyEncoderFixture;
let dir: string;
const realFetch = env.fetch;

beforeAll(() => {
  env.fetch = () => Promise.reject(new Error('network refused in tests'));
  fixture = createTinyEncoderFixture();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-nlu-enc-cli-'));
  const rows = Object.entries(INTENTS).flatMap(([intent, texts]) => texts.map((t) => `"${t}",${intent}`));
  fs.writeFileSync(path.join(dir, 'train.csv'), `text,intent\n${rows.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'test.csv'), 'text,intent\n"where is my parcel",track_order\n"please cancel my order",cancel_order\nhello,greeting\n"what is the capital of spain",oos\n');
  fs.writeFileSync(path.join(dir, 'texts.txt'), 'where is my order?\nhello there\n');
});

afterAll(() => {
  fixture.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
  env.fetch = realFetch;
});

describe('shopkeep nlu train / predict / eval with a sentence encoder', () => {
  const model = (): string => path.join(dir, 'model');

  it('trains with the encoder and records it in model.json', async () => {
    const io = capture();
    expect(await main(['nlu', 'train', '--data', path.join(dir, 'train.csv'), '--out', model(), '--encoder', fixture.modelId, '--models-dir', fixture.modelsDir], io)).toBe(0);
    expect(io.out).toContain('with sentence encoder "tiny-bert"');
    const meta = JSON.parse(fs.readFileSync(path.join(model(), 'model.json'), 'utf8')) as { encoder: unknown };
    expect(meta.encoder).toEqual({ name: 'tiny-bert', dimension: TINY_ENCODER_DIMENSION });
    expect(fs.existsSync(path.join(model(), 'linear-encoder.json'))).toBe(true);
  });

  it('predicts with the encoder the model was trained with', async () => {
    const io = capture();
    const out = path.join(dir, 'preds.jsonl');
    expect(await main(['nlu', 'predict', '--model', model(), '--models-dir', fixture.modelsDir, '--in', path.join(dir, 'texts.txt'), '--out', out], io)).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { intent: string });
    expect(lines.map((l) => l.intent)).toEqual(['track_order', 'greeting']);
  });

  it('refuses to predict or evaluate without the encoder, unless told to use the encoder-free head', async () => {
    const missing = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-no-models-'));
    const io = capture();
    const out = path.join(dir, 'none.jsonl');
    expect(await main(['nlu', 'predict', '--model', model(), '--models-dir', missing, '--in', path.join(dir, 'texts.txt'), '--out', out], io)).toBe(1);
    expect(io.err).toMatch(/trained with sentence encoder "tiny-bert", but it cannot be loaded \(not_found/);
    expect(fs.existsSync(out)).toBe(false);
    expect(await main(['nlu', 'eval', '--model', model(), '--models-dir', missing, '--data', path.join(dir, 'test.csv')], capture())).toBe(1);
    expect(await main(['nlu', 'predict', '--model', model(), '--without-encoder', '--in', path.join(dir, 'texts.txt'), '--out', out], capture())).toBe(0);
    fs.rmSync(missing, { recursive: true, force: true });
  });

  it('evaluates with the encoder', async () => {
    const io = capture();
    expect(await main(['nlu', 'eval', '--model', model(), '--models-dir', fixture.modelsDir, '--data', path.join(dir, 'test.csv')], io)).toBe(0);
    expect(io.out).toContain('sentence encoder    tiny-bert');
    expect(io.out).toMatch(/accuracy\s+\d\.\d{4}/);
  });

  it('refuses an encoder a model was not trained with', async () => {
    const io = capture();
    expect(await main(['nlu', 'predict', '--encoder', fixture.modelId, '--models-dir', fixture.modelsDir, '--in', path.join(dir, 'texts.txt'), '--out', path.join(dir, 'b.jsonl')], io)).toBe(1);
    expect(io.err).toContain('trained without a sentence encoder');
  });
});
