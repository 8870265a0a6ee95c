import { normaliseLocale, parseSettings, serverOrigin } from '../../web-widget/settings';

const CONTEXT = { defaultServer: 'https://shop.test', browserLanguage: 'en-GB' };

describe('parseSettings', () => {
  it('uses defaults from the page when nothing is given', () => {
    const { settings, warnings } = parseSettings(undefined, CONTEXT);
    expect(settings).toEqual({ server: 'https://shop.test', locale: 'en', title: undefined, primaryColor: '#2f6f4e', position: 'bottom-right' });
    expect(warnings).toEqual([]);
  });

  it('accepts valid settings and reduces the server to its origin', () => {
    const { settings, warnings } = parseSettings(
      { server: 'https://chat.example.com/some/path?x=1', locale: 'zh-CN', title: '  My shop  ', primaryColor: '#AbC', position: 'bottom-left' },
      CONTEXT,
    );
    expect(warnings).toEqual([]);
    expect(settings).toEqual({ server: 'https://chat.example.com', locale: 'zh', title: 'My shop', primaryColor: '#AbC', position: 'bottom-left' });
  });

  it('drops each bad field with a warning and keeps its default', () => {
    const { settings, warnings } = parseSettings(
      {
        server: 'javascript:alert(1)',
        locale: 'fr',
        title: 'x'.repeat(61),
        primaryColor: 'red; background: url(https://evil.test)',
        position: 'top-center',
        colour: '#fff',
      },
      CONTEXT,
    );
    expect(settings).toEqual({ server: 'https://shop.test', locale: 'en', title: undefined, primaryColor: '#2f6f4e', position: 'bottom-right' });
    expect(warnings.map((w) => w.split(':')[0]).sort()).toEqual(['colour', 'locale', 'position', 'primaryColor', 'server', 'title']);
  });

  it('rejects a non-object', () => {
    expect(parseSettings('red', CONTEXT).warnings).toEqual(['options: must be an object']);
  });

  it('follows a Chinese browser when no locale is set', () => {
    expect(parseSettings({}, { ...CONTEXT, browserLanguage: 'zh-TW' }).settings.locale).toBe('zh');
    expect(parseSettings({}, { ...CONTEXT, browserLanguage: 'de-DE' }).settings.locale).toBe('en');
  });
});

describe('serverOrigin', () => {
  it.each([
    ['http://127.0.0.1:3000/', 'http://127.0.0.1:3000'],
    ['https://chat.example.com:8443/x', 'https://chat.example.com:8443'],
    ['ftp://example.com', undefined],
    ['data:text/html,hi', undefined],
    ['https://user:pw@example.com', undefined],
    ['/relative', undefined],
  ])('%s → %s', (input, expected) => {
    expect(serverOrigin(input)).toBe(expected);
  });
});

describe('normaliseLocale', () => {
  it('maps regional tags to the supported languages only', () => {
    expect(['en', 'EN-us', 'zh_CN', 'zh-Hant', 'fr', ''].map(normaliseLocale)).toEqual(['en', 'en', 'zh', 'zh', undefined, undefined]);
  });
});
