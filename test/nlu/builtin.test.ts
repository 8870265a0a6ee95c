import { createBuiltinNlu, evaluateIntents, IntentModel, builtinModelPath, readShopCorpus, type Nlu } from '../../nlu';

describe('built-in shop NLU', () => {
  let nlu: Nlu;
  beforeAll(async () => {
    nlu = await createBuiltinNlu({ catalog: [{ id: '85123A', name: 'WHITE HANGING HEART T-LIGHT HOLDER' }] });
  });

  it.each([
    ['where is my order #536365?', 'track_order'],
    ['cancel my order', 'cancel_order'],
    ['cancel', 'cancel'],
    ['never mind', 'cancel'],
    ['start over', 'cancel'],
    ['yes please', 'affirm'],
    ['no thanks', 'deny'],
    ['I want to talk to a human', 'talk_to_human'],
    ['订单536365到哪了', 'track_order'],
    ['我要取消订单', 'cancel_order'],
    ['算了', 'cancel'],
    ['重新开始', 'cancel'],
    ['是的', 'affirm'],
    ['不用', 'deny'],
    ['转人工', 'talk_to_human'],
  ])('%s → %s', async (text, intent) => {
    expect((await nlu.understand(text)).intent).toBe(intent);
  });

  it('says out_of_scope for what a shop cannot answer, and for messages with nothing to read', async () => {
    for (const text of ['what is the capital of peru', '明天北京天气怎么样', '', '🙂🙂', '   ']) expect((await nlu.understand(text)).intent).toBe('out_of_scope');
  });

  it('returns language, entities, sentiment and ranked alternatives', async () => {
    const u = await nlu.understand('My order 536365 never came, email me at Ann@Shop.COM', { locale: 'en' });
    expect(u.locale).toBe('en');
    expect(u.entities.map((e) => [e.type, e.value])).toEqual([['order_id', '536365'], ['email', 'ann@shop.com']]);
    expect(u.confidence).toBeGreaterThan(0);
    expect(u.confidence).toBeLessThanOrEqual(1);
    expect(u.alternatives.every((a) => a.intent !== u.intent)).toBe(true);
    const zh = await nlu.understand('我的订单536365在哪', { locale: 'en' });
    expect(zh.locale).toBe('zh');
    expect(zh.entities[0]).toMatchObject({ type: 'order_id', value: '536365' });
    expect((await nlu.understand('536365', { locale: 'zh' })).locale).toBe('zh');
  });

  it('finds products after setCatalog', async () => {
    nlu.setCatalog([{ id: '22383', name: 'LUNCH BAG SUKI DESIGN' }]);
    const u = await nlu.understand('do you have the suki lunch bag?');
    expect(u.entities.find((e) => e.type === 'product')?.value).toBe('22383');
  });

  it('meets the floors on the held-out shop test files it was never trained on', () => {
    const model = IntentModel.load(builtinModelPath());
    const { test } = readShopCorpus();
    const withThreshold = evaluateIntents(model, test);
    const without = evaluateIntents(model, test, { ignoreThreshold: true });
    expect(withThreshold.outOfScopeExamples).toBeGreaterThanOrEqual(60);
    expect(withThreshold.accuracy).toBeGreaterThan(0.93);
    expect(withThreshold.outOfScopeRecall).toBeGreaterThanOrEqual(0.8);
    expect(without.inScopeAccuracy - withThreshold.inScopeAccuracy).toBeLessThanOrEqual(0.02);
    for (const locale of ['en', 'zh'] as const) {
      expect(evaluateIntents(model, test.filter((e) => e.locale === locale)).accuracy).toBeGreaterThan(0.85);
    }
  });
});
