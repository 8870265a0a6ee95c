import path from 'node:path';
import { ConfigError, createApp, createLogger, loadConfig } from '../../server';
import { tempDir } from '../support/shop-server';

const SECRET = 'config-test-secret-0123456789abcdef';

describe('channel configuration', () => {
  it('refuses a short webhook secret and a callback that is no http(s) URL, naming the variable', () => {
    expect(() => loadConfig({ SHOPKEEP_WEBHOOK_SECRET: 'short' })).toThrow(/SHOPKEEP_WEBHOOK_SECRET/);
    expect(() => loadConfig({ SHOPKEEP_WEBHOOK_CALLBACK_URL: 'ftp://shop.example/in' })).toThrow(/SHOPKEEP_WEBHOOK_CALLBACK_URL/);
    expect(() => loadConfig({ MicrosoftAppType: 'Anything' })).toThrow(/MicrosoftAppType/);
  });

  it.each([
    ['a webhook secret without a callback', { SHOPKEEP_WEBHOOK_SECRET: SECRET }, /SHOPKEEP_WEBHOOK_CALLBACK_URL/],
    ['the Direct Line emulation with Bot Framework auth on', { SHOPKEEP_DIRECTLINE: '1', MicrosoftAppId: 'app-id' }, /SHOPKEEP_DIRECTLINE/],
  ])('fails fast on %s', async (_name, env, message) => {
    const dir = tempDir();
    try {
      const config = loadConfig({ SHOPKEEP_DB: path.join(dir.dir, 'shop.db'), SHOPKEEP_DEMO: '0', ...env });
      await expect(createApp(config, { logger: createLogger('silent') })).rejects.toThrow(ConfigError);
      await expect(createApp(config, { logger: createLogger('silent') })).rejects.toThrow(message);
    } finally {
      dir.cleanup();
    }
  });
});
