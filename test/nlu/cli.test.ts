import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/cli';
import type { CliIo } from '../../server/cli/command';

function capture(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', isTty: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const INTENTS: Record<string, string[]> = {
  track_order: ['where is my order', 'track my parcel', 'has my order shipped', 'when does my package arrive', 'order status please', 'where is my stuff', 'is my delivery on its way', 'tracking for my order'],
  cancel_order: ['cancel my order', 'i want to cancel the order', 'please cancel it', 'stop my order', 'cancel purchase', 'can i cancel my order', 'i no longer want my order', 'cancel order now'],
  greeting: ['hi', 'hello', 'hey there', 'good morning', 'hiya', 'hello there', 'hey', 'good evening'],
  out_of_scope: ['what is the weather', 'tell me a joke', 'who won the match', 'how tall is everest', 'play music', 'what time is it in tokyo', 'write a poem', 'capital of france'],
};

describe('shopkeep nlu train / predict / eval', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopkeep-nlu-cli-'));
    const rows = Object.entries(INTENTS).flatMap(([intent, texts]) => texts.map((t) => `"${t}",${intent}`));
    fs.writeFileSync(path.join(dir, 'train.csv'), `text,intent\n${rows.join('\n')}\n`);
    fs.writeFileSync(path.join(dir, 'test.csv'), 'text,intent,locale\n"where is my parcel",track_order,en\n"please cancel my order",cancel_order,en\nhello,greeting,en\n"what is the capital of spain",oos,en\n');
    fs.writeFileSync(path.join(dir, 'texts.txt'), 'where is my order?\nthis is terrible, I want to cancel my order\n\n我的订单在哪里\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('trains a model directory with progress on stderr', async () => {
    const io = capture();
    const code = await main(['nlu', 'train', '--data', path.join(dir, 'train.csv'), '--out', path.join(dir, 'model')], io);
    expect(io.err).toContain('training 100%');
    expect(code).toBe(0);
    expect(io.out).toMatch(/trained 4 intents on 32 examples/);
    expect(fs.existsSync(path.join(dir, 'model', 'model.json'))).toBe(true);
  });

  it('predicts one JSON line per non-empty input line', async () => {
    const io = capture();
    const out = path.join(dir, 'preds.jsonl');
    expect(await main(['nlu', 'predict', '--model', path.join(dir, 'model'), '--in', path.join(dir, 'texts.txt'), '--out', out], io)).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['confidence', 'intent', 'sentiment', 'text']);
      expect(['negative', 'neutral', 'positive']).toContain((line.sentiment as { label: string }).label);
    }
    expect(lines[0]?.intent).toBe('track_order');
    expect((lines[1]?.sentiment as { label: string }).label).toBe('negative');
  });

  it('predicts with the built-in shop model when --model is left out', async () => {
    const io = capture();
    const out = path.join(dir, 'builtin.jsonl');
    expect(await main(['nlu', 'predict', '--in', path.join(dir, 'texts.txt'), '--out', out], io)).toBe(0);
    const intents = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { intent: string }).intent);
    expect(intents[0]).toBe('track_order');
    expect(intents[2]).toBe('track_order');
  });

  it('evaluates: accuracy, macro-F1, out-of-scope recall and confused pairs', async () => {
    const io = capture();
    expect(await main(['nlu', 'eval', '--model', path.join(dir, 'model'), '--data', path.join(dir, 'test.csv')], io)).toBe(0);
    expect(io.out).toMatch(/accuracy\s+\d\.\d{4}/);
    expect(io.out).toMatch(/macro-F1\s+\d\.\d{4}/);
    // `oos` (CLINC150's name) is read as out_of_scope, so the recall is measured.
    expect(io.out).toMatch(/out-of-scope recall \d\.\d{4}/);
    expect(io.out).toContain('most confused');
  });

  it.each([
    [['nlu', 'train', '--data', 'missing.csv', '--out', 'x'], /cannot read data file/],
    [['nlu', 'train', '--out', 'x'], /--data/],
    [['nlu', 'eval', '--model', '/nonexistent-model', '--data', 'x.csv'], /cannot load model/],
    [['nlu', 'predict', '--in', 'nope.txt', '--out', 'x.jsonl'], /cannot read input file/],
  ])('fails with one line and a non-zero code on bad input: %j', async (argv, message) => {
    const io = capture();
    expect(await main(argv, io)).not.toBe(0);
    expect(io.err).toMatch(message);
    expect(io.err.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a CSV row without an intent, naming the row', async () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'text,intent\nhello,greeting\n"no intent here",\n');
    const io = capture();
    expect(await main(['nlu', 'train', '--data', bad, '--out', path.join(dir, 'bad-model')], io)).toBe(1);
    expect(io.err).toMatch(/row 3/);
  });
});
