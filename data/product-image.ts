import type { ProductCategory } from './categories';
import { hashText } from './random';

/**
 * A line drawing per category, so cards differ at a glance. Plain SVG shapes rather than emoji:
 * emoji need a colour font that many servers and kiosks lack.
 */
const CATEGORY_ICONS: Readonly<Record<ProductCategory, string>> = {
  Christmas: '<path d="M80 25 L110 90 H50 Z M80 90 V100"/>',
  'Party & Celebrations': '<ellipse cx="80" cy="52" rx="22" ry="27"/><path d="M80 79 q-6 10 0 20"/>',
  'Candles & Lights': '<rect x="68" y="50" width="24" height="48" rx="3"/><path d="M80 44 q-9 -10 0 -20 q9 10 0 20"/>',
  'Jewellery & Accessories': '<circle cx="80" cy="72" r="24"/><path d="M70 38 L80 26 L90 38 L80 48 Z"/>',
  'Toys & Games': '<circle cx="80" cy="68" r="24"/><circle cx="60" cy="46" r="9"/><circle cx="100" cy="46" r="9"/>',
  'Bags & Purses': '<rect x="52" y="50" width="56" height="46" rx="6"/><path d="M66 50 V42 a14 14 0 0 1 28 0 V50"/>',
  'Kitchen & Dining': '<rect x="54" y="42" width="40" height="52" rx="6"/><path d="M94 54 h8 a10 10 0 0 1 0 20 h-8"/>',
  'Bath & Beauty': '<circle cx="70" cy="70" r="20"/><circle cx="98" cy="48" r="11"/><circle cx="98" cy="86" r="7"/>',
  'Stationery & Cards': '<path d="M56 96 L62 78 L100 40 L112 52 L74 90 Z M62 78 L74 90"/>',
  'Garden & Outdoor': '<path d="M52 96 C52 50 80 32 110 32 C110 66 90 96 52 96 Z M52 96 L92 52"/>',
  'Soft Furnishings': '<path d="M50 44 Q80 52 110 44 Q102 70 110 96 Q80 88 50 96 Q58 70 50 44 Z"/>',
  Storage: '<rect x="50" y="52" width="60" height="44" rx="3"/><path d="M46 40 H114 V52 H46 Z M72 64 H88"/>',
  'Home Decor': '<path d="M80 96 C40 70 46 36 66 38 C74 38 80 46 80 50 C80 46 86 38 94 38 C114 36 120 70 80 96 Z"/>',
  'Gifts & Novelties':
    '<rect x="50" y="54" width="60" height="42" rx="3"/><path d="M46 42 H114 V54 H46 Z M80 42 V96 M80 42 C70 26 56 34 66 42 M80 42 C90 26 104 34 94 42"/>',
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
 * A product tile as an inline SVG data URL: the category's icon on the product's colour (or a
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
    `<g fill="none" stroke="${ink}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round" opacity="0.7">` +
    `${CATEGORY_ICONS[category]}</g>` +
    `<g fill="${ink}" font-family="sans-serif" font-size="13" text-anchor="middle">` +
    `<text x="80" y="122">${escapeXml(line1)}</text><text x="80" y="140">${escapeXml(line2)}</text></g></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
