import type { ProductCategory } from './categories';
import { hashText } from './random';

/** A picture-free stand-in for each category, so cards differ at a glance. */
const CATEGORY_GLYPHS: Readonly<Record<ProductCategory, string>> = {
  Christmas: '🎄',
  'Party & Celebrations': '🎉',
  'Candles & Lights': '🕯',
  'Jewellery & Accessories': '💍',
  'Toys & Games': '🧸',
  'Bags & Purses': '👜',
  'Kitchen & Dining': '🍽',
  'Bath & Beauty': '🛁',
  'Stationery & Cards': '✏',
  'Garden & Outdoor': '🌿',
  'Soft Furnishings': '🛋',
  Storage: '📦',
  'Home Decor': '🖼',
  'Gifts & Novelties': '🎁',
};

/** Background fills for the colour words the catalog uses; dark ones get light text. */
const FILLS: Readonly<Record<string, string>> = {
  red: '#e36b6b', pink: '#f6b8cb', white: '#f4f2ec', blue: '#8fb5e0', green: '#9fcf9a', black: '#3d3d3d',
  ivory: '#fbf8e8', cream: '#f2e8cf', yellow: '#f6de7a', orange: '#f5ad6e', purple: '#b39ad4', lilac: '#d4b6dc',
  gold: '#dcbc5a', silver: '#cfd3d8', brown: '#b08a6a', grey: '#b9b9b9', turquoise: '#6fd0c4', aqua: '#8fe0dc',
  copper: '#c98b5e', bronze: '#b98c52', beige: '#e6d8bd', fuchsia: '#e069b0', navy: '#34456e',
};
const DARK_FILLS = new Set(['black', 'navy']);

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The name on two short lines, so it fits a 160 px tile. */
function nameLines(name: string): [string, string] {
  const words = name.split(' ');
  let first = '';
  let i = 0;
  for (; i < words.length && `${first} ${words[i]}`.trim().length <= 18; i++) first = `${first} ${words[i]}`.trim();
  const rest = words.slice(i).join(' ');
  return [first || name.slice(0, 18), rest.length > 18 ? `${rest.slice(0, 17)}…` : rest];
}

/**
 * A product tile as an inline SVG data URL: the category's glyph on the product's colour (or a
 * soft colour from its id) with the name beneath. Inline so the demo shop needs no network.
 */
export function productImage(id: string, name: string, category: ProductCategory, colour: string | undefined): string {
  const firstColour = colour?.split(' & ')[0];
  const fill = (firstColour && FILLS[firstColour]) ?? `hsl(${hashText(`image:${id}`) % 360} 55% 82%)`;
  const ink = firstColour && DARK_FILLS.has(firstColour) ? '#fff' : '#333';
  const [line1, line2] = nameLines(name);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160">` +
    `<rect width="160" height="160" rx="12" fill="${fill}"/>` +
    `<text x="80" y="78" font-size="56" text-anchor="middle">${CATEGORY_GLYPHS[category]}</text>` +
    `<g fill="${ink}" font-family="sans-serif" font-size="13" text-anchor="middle">` +
    `<text x="80" y="122">${escapeXml(line1)}</text><text x="80" y="140">${escapeXml(line2)}</text></g></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
