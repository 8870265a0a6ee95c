import { EntityExtractor } from '../../nlu';

const extractor = new EntityExtractor();
extractor.setCatalog([
  { id: '85123A', name: 'WHITE HANGING HEART T-LIGHT HOLDER' },
  { id: '22383', name: 'LUNCH BAG SUKI DESIGN' },
  { id: '22386', name: 'JUMBO BAG PINK POLKADOT' },
  { id: '21212', name: 'PACK OF 72 RETROSPOT CAKE CASES' },
]);
const values = (text: string, type: string): string[] => extractor.extract(text).filter((e) => e.type === type).map((e) => e.value);

describe('entities', () => {
  it.each([
    ['where is #536365?', '536365'],
    ['order 536370 has not arrived', '536370'],
    ['订单536365到哪了', '536365'],
    ['Order No. 536371 please', '536371'],
    ['refund for c536379', 'C536379'],
    ['５３６３６５', '536365'],
  ])('finds the order number in %s', (text, id) => {
    expect(values(text, 'order_id')).toEqual([id]);
  });

  it('does not take phone numbers or prices for order numbers', () => {
    expect(values('call me on +44 7911 123456', 'order_id')).toEqual([]);
    expect(values('call me on +44 7911 123456', 'phone')).toEqual(['+447911123456']);
    expect(values('it cost 1234567 yen', 'order_id')).toEqual([]);
  });

  it('lower-cases emails and keeps their digits out of order numbers', () => {
    const found = extractor.extract('Mail John.Doe536365@Example.COM about 536366');
    expect(found.filter((e) => e.type === 'email').map((e) => e.value)).toEqual(['john.doe536365@example.com']);
    expect(found.filter((e) => e.type === 'order_id').map((e) => e.value)).toEqual(['536366']);
  });

  it('does not take the Chinese words before an address into the email', () => {
    const [email] = extractor.extract('我的邮箱是li.na@example.com').filter((e) => e.type === 'email');
    expect(email).toMatchObject({ value: 'li.na@example.com', text: 'li.na@example.com', start: 5 });
  });

  it('reads money, quantity, colour, size and country', () => {
    expect(values('it was £12.50 and $3', 'money')).toEqual(['12.50', '3.00']);
    expect(values('I need 3 pieces, or 5个', 'quantity')).toEqual(['3', '5']);
    expect(values('do you have it in red or 蓝色', 'color')).toEqual(['red', 'blue']);
    expect(values('extra large please', 'size')).toEqual(['XL']);
    expect(values('do you ship to Germany or 日本?', 'country')).toEqual(['DE', 'JP']);
    expect(values('can you help us', 'country')).toEqual([]);
  });

  it('reads colour, size and country words in any case, with their place in the text as written', () => {
    const at = (text: string): Array<[string, string, string]> =>
      extractor.extract(text).filter((e) => ['color', 'size', 'country'].includes(e.type)).map((e) => [e.value, e.text, text.slice(e.start, e.end)]);
    expect(at('RED or Blue, EXTRA LARGE, to the US')).toEqual([['red', 'RED', 'RED'], ['blue', 'Blue', 'Blue'], ['XL', 'EXTRA LARGE', 'EXTRA LARGE'], ['US', 'US', 'US']]);
    // "İ" lower-cases to two characters: the words after it keep their places all the same.
    expect(at('İzmir → Germany, in GREEN')).toEqual([['DE', 'Germany', 'Germany'], ['green', 'GREEN', 'GREEN']]);
  });

  it('matches products fuzzily against the catalog, with typos and plurals', () => {
    expect(values('do you still have the white heart t-light holder?', 'product')).toEqual(['85123A']);
    expect(values('I want two lunch bags suki', 'product')).toEqual(['22383']);
    expect(values('retrospot cake casses', 'product')).toEqual(['21212']);
    expect(values('where is my order', 'product')).toEqual([]);
  });

  it('reads a typo against the catalog of the moment, after the catalog changes', () => {
    const own = new EntityExtractor();
    const products = (text: string): string[] => own.extract(text).filter((e) => e.type === 'product').map((e) => e.value);
    own.setCatalog([{ id: 'A', name: 'Candle Holder' }]);
    // Asked twice: the second time the typo's reading is remembered, and the same.
    for (let i = 0; i < 2; i++) expect(products('a candl holder')).toEqual(['A']);
    // The same typo is one letter from another word of the new catalog.
    own.setCatalog([{ id: 'B', name: 'Candy Jar' }]);
    expect(products('a candl jar')).toEqual(['B']);
  });

  it('reports positions that point at the text', () => {
    const text = 'Hi, order #536365 please';
    const [order] = extractor.extract(text).filter((e) => e.type === 'order_id');
    expect(order && text.slice(order.start, order.end)).toBe('536365');
  });
});
