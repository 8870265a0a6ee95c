import { csvCell, groupMisunderstood, jaccard, toCsv, trigrams, type MisunderstoodMessage } from '../../store';

const message = (text: string, locale = 'en', createdAt = '2026-03-01T10:00:00.000Z'): MisunderstoodMessage => ({ text, locale, intent: 'out_of_scope', confidence: 0.2, createdAt });

describe('grouping misunderstood messages by similarity', () => {
  it('puts rewordings together, keeps unrelated messages and other languages apart, largest group first', () => {
    const groups = groupMisunderstood([
      message('do you do gift wrapping'),
      message('do you do gift wrapping?'),
      message('Do you offer gift wrapping'),
      message('can you gift wrap it'),
      message('what is the weather tomorrow'),
      message('礼品包装吗', 'zh'),
      message('有礼品包装吗', 'zh'),
    ]);
    expect(groups.map((g) => [g.label, g.locale, g.count])).toEqual([
      ['do you do gift wrapping', 'en', 4],
      ['有礼品包装吗', 'zh', 2],
      ['what is the weather tomorrow', 'en', 1],
    ]);
    // Repeats differing only in case or punctuation are one phrase, counted twice.
    expect(groups[0]?.phrases.map((p) => [p.text, p.count])).toEqual([['do you do gift wrapping', 2], ['can you gift wrap it', 1], ['Do you offer gift wrapping', 1]]);
  });

  it('measures trigram overlap', () => {
    expect(jaccard(trigrams('refund'), trigrams('refund'))).toBe(1);
    expect(jaccard(trigrams('refund'), trigrams('weather'))).toBe(0);
    expect([...trigrams('A, b!')]).toEqual([' a ', 'a b', ' b ']);
  });
});

describe('CSV export cells', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(true)).toBe('true');
  });

  it('defuses spreadsheet formulas in text', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('fine = ok')).toBe('fine = ok');
  });

  it('writes a header and CRLF rows', () => {
    expect(toCsv(['day', 'n'], [['2026-03-01', 4], ['=1', null]])).toBe("day,n\r\n2026-03-01,4\r\n'=1,\r\n");
  });
});
