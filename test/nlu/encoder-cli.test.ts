// `shopkeep nlu encoder` on the tiny ONNX model: the operator's way to check (or, when allowed,
// download) the encoder before pointing the server at it.
import { env } from '@huggingface/transformers';
import { CliError, type CliIo } from '../../server/cli/command';
import { ENCODER_CHECK_COMMAND } from '../../server/cli/encoder-commands';
import { createTinyEncoderFixture, TINY_ENCODER_DIMENSION, type TinyEncoderFixture } from '../support/tiny-encoder-model';

let fixture: TinyEncoderFixture;
const realFetch = env.fetch;
const fetchSpy = jest.fn((url: string | URL): Promise<Response> => Promise.reject(new Error(`network refused in tests: ${String(url)}`)));

beforeAll(() => {
  env.fetch = fetchSpy;
  fixture = createTinyEncoderFixture();
});

afterAll(() => {
  fixture.cleanup();
  env.fetch = realFetch;
});

async function run(argv: string[]): Promise<{ stdout: string; error: unknown }> {
  let stdout = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: () => undefined, isTty: false };
  const error: unknown = await ENCODER_CHECK_COMMAND.run(argv, io).then(() => undefined, (caught: unknown) => caught);
  return { stdout, error };
}

describe('shopkeep nlu encoder', () => {
  it('loads a local model and prints its width and a similarity check', async () => {
    const { stdout, error } = await run(['--model', fixture.modelId, '--models-dir', fixture.modelsDir]);
    expect(error).toBeUndefined();
    expect(stdout).toContain(`encoder "tiny-bert": ${TINY_ENCODER_DIMENSION} dimensions`);
    expect(stdout).toMatch(/paraphrase -?\d\.\d{3}, unrelated -?\d\.\d{3}/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('fails with one line and exit code 1 when the model is missing and downloading is not allowed', async () => {
    const { stdout, error } = await run(['--model', 'org/missing', '--models-dir', fixture.modelsDir]);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(1);
    expect((error as CliError).message).toMatch(/^not_found: sentence encoder "org\/missing" not found/);
    expect(stdout).toBe('');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('rejects bad usage with exit code 2', async () => {
    for (const argv of [[], ['--model', fixture.modelId, '--dtype', 'int3'], ['--model', fixture.modelId, '--nonsense', 'x']]) {
      const { error } = await run(argv);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
    }
  });
});
