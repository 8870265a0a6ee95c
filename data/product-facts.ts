import type { ProductCategory } from './categories';
import { randomFor } from './random';

/** Colour words of the stock descriptions and how a shopper says them. */
const COLOURS: Readonly<Record<string, string>> = {
  RED: 'red', PINK: 'pink', WHITE: 'white', BLUE: 'blue', GREEN: 'green', BLACK: 'black', IVORY: 'ivory',
  CREAM: 'cream', YELLOW: 'yellow', ORANGE: 'orange', PURPLE: 'purple', LILAC: 'lilac', GOLD: 'gold',
  SILVER: 'silver', BROWN: 'brown', GREY: 'grey', GRAY: 'grey', TURQUOISE: 'turquoise', AQUA: 'aqua',
  COPPER: 'copper', BRONZE: 'bronze', BEIGE: 'beige', FUSCHIA: 'fuchsia', FUCHSIA: 'fuchsia',
  MULTICOLOUR: 'multicolour', PASTEL: 'pastel', NAVY: 'navy',
};

/** Size words, normalised. */
const SIZES: Readonly<Record<string, string>> = {
  MINI: 'mini', SMALL: 'small', MEDIUM: 'medium', LARGE: 'large', BIG: 'large', JUMBO: 'jumbo', GIANT: 'giant',
};

/** Material words, normalised. */
const MATERIALS: Readonly<Record<string, string>> = {
  WOODEN: 'wood', WOOD: 'wood', GLASS: 'glass', CERAMIC: 'ceramic', PORCELAIN: 'porcelain', METAL: 'metal',
  ZINC: 'zinc', ENAMEL: 'enamel', FELT: 'felt', WICKER: 'wicker', COTTON: 'cotton', PAPER: 'paper',
  ACRYLIC: 'acrylic', SLATE: 'slate', LINEN: 'linen', JUTE: 'jute', BAMBOO: 'bamboo', RATTAN: 'rattan',
  RESIN: 'resin', CRYSTAL: 'crystal', WIRE: 'wire', LEATHER: 'leather', CHROME: 'chrome', STEEL: 'steel',
};

/** Pattern words, normalised. */
const PATTERNS: Readonly<Record<string, string>> = {
  RETROSPOT: 'retrospot', POLKADOT: 'polka dot', SPOTTY: 'polka dot', SPOT: 'polka dot', SPOTS: 'polka dot',
  STRIPE: 'stripe', STRIPES: 'stripe', STRIPY: 'stripe', PAISLEY: 'paisley', FLORAL: 'floral', GINGHAM: 'gingham',
  CHECK: 'check', TARTAN: 'tartan', LEOPARD: 'leopard', UNION: 'union flag',
};

function found(words: readonly string[], table: Readonly<Record<string, string>>, max: number): string | undefined {
  const values = [...new Set(words.flatMap((word) => word.split(/[+/]/)).map((w) => table[w]).filter((v) => v !== undefined))];
  return values.length ? values.slice(0, max).join(' & ') : undefined;
}

/**
 * Colour, size, material, pattern and pack size read from the words of a description; only the
 * ones the description names.
 *
 * @example
 * productAttributes(['JUMBO', 'BAG', 'RED', 'RETROSPOT']) // { colour: 'red', size: 'jumbo', pattern: 'retrospot' }
 */
export function productAttributes(words: readonly string[]): Record<string, string> {
  const attributes: Record<string, string> = {};
  const colour = found(words, COLOURS, 2);
  const size = found(words, SIZES, 1);
  const material = found(words, MATERIALS, 2);
  const pattern = found(words, PATTERNS, 1);
  const pack = / (?:SET|PACK|BOX) OF (\d+) /.exec(` ${words.join(' ')} `)?.[1];
  if (colour) attributes.colour = colour;
  if (size) attributes.size = size;
  if (material) attributes.material = material;
  if (pattern) attributes.pattern = pattern;
  if (pack) attributes.pack = pack;
  return attributes;
}

/** One line per category that a shop assistant might say about the range. */
const CATEGORY_LINES: Readonly<Record<ProductCategory, readonly string[]>> = {
  Christmas: ['A festive favourite for the tree, the table or the mantelpiece.', 'Brings a little Christmas cheer to any room.'],
  'Party & Celebrations': ['Everything a good party needs, in one go.', 'Made for birthdays, showers and garden parties.'],
  'Candles & Lights': ['Soft light for cosy evenings.', 'A warm glow for the table, the window or the garden.'],
  'Jewellery & Accessories': ['A small touch that finishes an outfit.', 'Pretty enough to keep, easy to give as a gift.'],
  'Toys & Games': ['Hours of fun for children and grown-ups alike.', 'A classic to play with, again and again.'],
  'Bags & Purses': ['Roomy, sturdy and easy to carry.', 'Carries the shopping, the picnic or the library books.'],
  'Kitchen & Dining': ['For the kitchen, the table and tea time.', 'Makes everyday meals a little more cheerful.'],
  'Bath & Beauty': ['A little luxury for the bathroom.', 'Pamper yourself, or someone you love.'],
  'Stationery & Cards': ['For notes, lists, letters and doodles.', 'Say it on paper: a thoughtful little something.'],
  'Garden & Outdoor': ['For the garden, the patio or the windowsill.', 'Made to be enjoyed outdoors.'],
  'Soft Furnishings': ['Soft, warm and welcoming.', 'Adds comfort and colour to any room.'],
  Storage: ['Keeps the little things tidy and to hand.', 'A pretty place to put things away.'],
  'Home Decor': ['Adds character to a shelf, a wall or a door.', 'A charming finishing touch for the home.'],
  'Gifts & Novelties': ['A quirky gift that raises a smile.', 'Something a little different, for someone special.'],
};

/**
 * A short shop description from the facts of a product, worded by a generator seeded with its
 * id. It adds to the name rather than repeating it: what the range is for, the pattern's range,
 * and how many come in a set.
 *
 * @example
 * productDescription('85123A', 'Candles & Lights', { colour: 'white' }) // 'Soft light for cosy evenings.'
 */
export function productDescription(id: string, category: ProductCategory, attributes: Readonly<Record<string, string>>): string {
  const random = randomFor('product-description', id);
  const parts = [random.pick(CATEGORY_LINES[category])];
  if (attributes.pattern) parts.push(`Part of our ${attributes.pattern} collection.`);
  if (attributes.pack) parts.push(`Sold as a set of ${attributes.pack}.`);
  return parts.join(' ');
}

/**
 * Units in stock: mostly plenty, some running low, about one product in twelve sold out, so the
 * bot has both answers to give.
 */
export function productStock(id: string): number {
  const random = randomFor('product-stock', id);
  if (random.chance(0.08)) return 0;
  if (random.chance(0.15)) return random.int(1, 9);
  return random.int(10, 400);
}
