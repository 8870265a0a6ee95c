import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');

/** The packages the widget may carry: socket.io-client with its own dependencies, and zod/mini. */
const ALLOWED_PACKAGES = ['socket.io-client', 'socket.io-parser', 'engine.io-client', 'engine.io-parser', '@socket.io/component-emitter', 'zod'];

describe('widget bundle', () => {
  it('holds only widget code, socket.io-client and zod: no server, bot or store code', async () => {
    const result = await build({
      entryPoints: [path.join(ROOT, 'web-widget', 'index.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'iife',
      logLevel: 'silent',
      absWorkingDir: ROOT,
    });
    const inputs = Object.keys(result.metafile.inputs);
    const outside = inputs.filter((input) => {
      if (input.startsWith('web-widget/')) return false;
      const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      return match === null || !ALLOWED_PACKAGES.includes(match[1] ?? '');
    });
    expect(inputs.some((input) => input.startsWith('node_modules/socket.io-client/'))).toBe(true);
    expect(outside).toEqual([]);
  });
});
