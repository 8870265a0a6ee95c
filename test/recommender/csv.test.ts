import { parseInteractionsCsv } from '../../recommender';

describe('parseInteractionsCsv', () => {
  it('reads a header in any column order, ISO or epoch timestamps, and optional weights', () => {
    const text = 'item_id,timestamp,user_id,weight\nlamp,2024-01-02T10:00:00Z,u1,2\nmug,1700000000000,u2,\n';
    expect(parseInteractionsCsv(text)).toEqual({
      rows: 2,
      interactions: [
        { userId: 'u1', itemId: 'lamp', weight: 2, timestamp: Date.parse('2024-01-02T10:00:00Z') },
        { userId: 'u2', itemId: 'mug', timestamp: 1_700_000_000_000 },
      ],
    });
  });

  it('reads headerless rows positionally', () => {
    expect(parseInteractionsCsv('u1,lamp\nu1,mug,3\n').interactions).toEqual([
      { userId: 'u1', itemId: 'lamp' },
      { userId: 'u1', itemId: 'mug', weight: 3 },
    ]);
  });

  it('names the first bad line', () => {
    expect(() => parseInteractionsCsv('user_id,item_id,timestamp\nu1,lamp,yesterday-ish\n')).toThrow(/^line 2: timestamp/);
    expect(() => parseInteractionsCsv('user_id,item_id\n,lamp\n')).toThrow(/^line 2: user_id: empty user_id/);
    expect(() => parseInteractionsCsv('user_id,weight\nu1,2\n')).toThrow(/no item_id column/);
    expect(() => parseInteractionsCsv('')).toThrow(/no rows/);
  });
});
