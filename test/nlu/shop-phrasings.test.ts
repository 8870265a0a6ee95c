// Phrasings real shoppers use that the NLU once misread: product names it has never seen,
// messages that only give an email or an order number, requests for similar or matching items
// and gifts, and Chinese mentions of an English catalog. Every text here is held out: the
// catalog test split (`nlu/corpora/*/catalog-test.csv`) is never trained on.
import * as path from 'node:path';
import { createBuiltinNlu, evaluateIntents, EntityExtractor, type Nlu } from '../../nlu';
import { readCorpusFolder, shopCorpusDir } from '../../nlu/corpus';

/** A few products of the demo shop's kind, named as its (English) catalog names them. */
const CATALOG = [
  { id: '22423', name: 'REGENCY CAKESTAND 3 TIER' },
  { id: '85123A', name: 'WHITE HANGING HEART T-LIGHT HOLDER' },
  { id: '21733', name: 'RED HANGING HEART T-LIGHT HOLDER' },
  { id: '71053', name: 'WHITE METAL LANTERN' },
  { id: '37370', name: 'RETRO COFFEE MUGS ASSORTED' },
  { id: '22633', name: 'HAND WARMER UNION JACK' },
  { id: '84029E', name: 'RED WOOLLY HOTTIE WHITE HEART' },
  { id: '22112', name: 'CHOCOLATE HOT WATER BOTTLE' },
  { id: '21080', name: 'SET/20 RED RETROSPOT PAPER NAPKINS' },
  { id: '85099B', name: 'JUMBO BAG RED RETROSPOT' },
  { id: '22720', name: 'SET OF 3 CAKE TINS PANTRY DESIGN' },
  { id: '22961', name: 'JAM MAKING SET PRINTED' },
  { id: '23245', name: 'SET OF 3 REGENCY CAKE TINS' },
  { id: '22727', name: 'ALARM CLOCK BAKELIKE RED' },
  { id: '20725', name: 'LUNCH BAG RED RETROSPOT' },
  { id: '22178', name: 'VICTORIAN GLASS HANGING T-LIGHT' },
  { id: '47566', name: 'PARTY BUNTING' },
  { id: '22138', name: 'BAKING SET 9 PIECE RETROSPOT' },
  { id: '21212', name: 'PACK OF 72 RETROSPOT CAKE CASES' },
  { id: '22386', name: 'JUMBO BAG PINK POLKADOT' },
];

describe('held-out shopper phrasings', () => {
  let nlu: Nlu;
  beforeAll(async () => {
    nlu = await createBuiltinNlu({ catalog: CATALOG });
  });

  it.each([
    ['how much is the regency cakestand?', 'product_question'],
    ['my email is ann@example.com', 'out_of_scope'],
    ["it's 538518", 'track_order'],
    ['something like the white lantern', 'ask_recommendation'],
    ['what goes with this?', 'ask_recommendation'],
    ['a gift for my mum under £20', 'ask_recommendation'],
    ['有类似的吗', 'ask_recommendation'],
    ['这个搭配什么好', 'ask_recommendation'],
    ['灯笼多少钱', 'product_question'],
  ])('%s → %s', async (text, intent) => {
    expect((await nlu.understand(text)).intent).toBe(intent);
  });

  it('reads the catalog test split (en + zh) with the catalog, accuracy ≥ 0.85', async () => {
    const rows = ['en', 'zh'].flatMap((locale) => readCorpusFolder(path.join(shopCorpusDir(), locale), (f) => f === 'catalog-test.csv'));
    expect(rows.length).toBeGreaterThanOrEqual(40);
    const predicted = new Map<string, string>();
    for (const row of rows) predicted.set(row.text, (await nlu.understand(row.text)).intent);
    const report = evaluateIntents({ predict: (text) => ({ intent: predicted.get(text) ?? '', confidence: 1, alternatives: [] }) }, rows);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('an email or an order number alone is never read as a complaint', async () => {
    for (const text of ['ann@example.com', 'my email is bob.jones@example.co.uk', '536365', 'it is 541234']) {
      expect((await nlu.understand(text)).intent).not.toBe('complaint');
    }
  });
});

describe('Chinese mentions of an English catalog (glossary)', () => {
  const extractor = new EntityExtractor();
  extractor.setCatalog(CATALOG);
  const products = (text: string): string[] => extractor.extract(text).filter((e) => e.type === 'product').map((e) => e.value);

  it.each([
    ['那个复古咖啡杯还有吗', '37370'],
    ['我想买红色的午餐袋', '20725'],
    ['巧克力热水袋多少钱', '22112'],
    ['红色的闹钟有货吗', '22727'],
    ['白色金属灯笼能挂在外面吗', '71053'],
  ])('%s → product %s', (text, id) => {
    expect(products(text)).toEqual([id]);
  });

  it('leaves messages without goods alone', () => {
    for (const text of ['我的包裹在哪里', '几分钟能到', '我要退款', '订单536365到哪了']) expect(products(text)).toEqual([]);
  });

  it('reports the span of the Chinese words', () => {
    const [entity] = extractor.extract('巧克力热水袋多少钱').filter((e) => e.type === 'product');
    expect(entity?.text).toBe('巧克力热水袋');
  });
});
