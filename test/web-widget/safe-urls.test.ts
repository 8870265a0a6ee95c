import { safeHttpUrl, safeImageSrc } from '../../web-widget/dom';

const BASE = 'https://shop.test';

describe('safeHttpUrl', () => {
  it.each([
    ['/product.html?id=1', 'https://shop.test/product.html?id=1'],
    ['https://cdn.example.com/a.png', 'https://cdn.example.com/a.png'],
    ['javascript:alert(1)', undefined],
    ['data:image/png;base64,AAAA', undefined],
    [42, undefined],
  ])('%s → %s', (input, expected) => {
    expect(safeHttpUrl(input, BASE)).toBe(expected);
  });
});

describe('safeImageSrc', () => {
  it.each([
    ['data:image/svg+xml;charset=utf-8,%3Csvg%3E%3C%2Fsvg%3E', 'data:image/svg+xml;charset=utf-8,%3Csvg%3E%3C%2Fsvg%3E'],
    ['data:image/png;base64,AAAA', 'data:image/png;base64,AAAA'],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['javascript:alert(1)', undefined],
    ['/img/a.png', 'https://shop.test/img/a.png'],
  ])('%s → %s', (input, expected) => {
    expect(safeImageSrc(input, BASE)).toBe(expected);
  });
});
