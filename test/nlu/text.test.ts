import { detectLocale } from '../../nlu';

describe('language detection', () => {
  it.each([
    ['where is my order?', 'en'],
    ['我的订单在哪里', 'zh'],
    ['我想买 lunch bag', 'zh'],
    ['订单536365', 'zh'],
    ['Do you sell 茶具 sets in other colours?', 'en'],
  ] as const)('%s → %s', (text, locale) => {
    expect(detectLocale(text)).toBe(locale);
  });

  it('falls back to the conversation locale when the text says nothing', () => {
    expect(detectLocale('536365', 'zh')).toBe('zh');
    expect(detectLocale('👍', 'en')).toBe('en');
    expect(detectLocale('536365')).toBe('en');
  });
});
