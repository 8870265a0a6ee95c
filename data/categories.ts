/**
 * Shop categories from product names by keyword rules. The first rule with a matching word or
 * phrase wins, so the order says which reading a name gets: "Christmas Tree T-Light Holder" is
 * Christmas before it is a candle holder, "Bag 250g Swirly Marbles" is a toy before it is a bag.
 */

/** Every category of the demo catalog; the last one catches what no rule names. */
export const PRODUCT_CATEGORIES = [
  'Christmas',
  'Party & Celebrations',
  'Candles & Lights',
  'Jewellery & Accessories',
  'Toys & Games',
  'Bags & Purses',
  'Kitchen & Dining',
  'Bath & Beauty',
  'Stationery & Cards',
  'Garden & Outdoor',
  'Soft Furnishings',
  'Storage',
  'Home Decor',
  'Gifts & Novelties',
] as const;

/** One category of the demo catalog. */
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

/** The keywords of each category (upper case; several words match as a phrase). */
const CATEGORY_KEYWORDS: Readonly<Record<Exclude<ProductCategory, 'Gifts & Novelties'>, readonly string[]>> = {
  Christmas: ['CHRISTMAS', 'SANTA', 'REINDEER', 'ADVENT', 'BAUBLE', 'BAUBLES', 'SNOWFLAKE', 'NATIVITY', 'SNOWMAN', 'STOCKING'],
  'Party & Celebrations': ['PARTY', 'BUNTING', 'BIRTHDAY', 'BALLOON', 'BALLOONS', 'INVITES', 'CONFETTI', 'WEDDING', 'CELEBRATION'],
  'Candles & Lights': [
    'CANDLE', 'CANDLES', 'T-LIGHT', 'T-LIGHTS', 'TEALIGHT', 'LANTERN', 'LANTERNS', 'LIGHT', 'LIGHTS', 'LAMP', 'NIGHTLIGHT',
    'INCENSE', 'VOTIVE', 'WICK', 'CANDLEHOLDER', 'OIL BURNER', 'CANDLESTICK', 'MATCHES', 'TORCH', 'LAMPSHADE', 'CANDLEPOT', 'CHOCOLATECANDLE',
  ],
  'Jewellery & Accessories': [
    'NECKLACE', 'NECKL', 'BRACELET', 'EARRINGS', 'RING', 'BROOCH', 'CHARM', 'CHARMS', 'DIAMANTE', 'HAIR', 'HAIRCLIP', 'BANGLE',
    'PENDANT', 'SCARF', 'UMBRELLA', 'PASSPORT', 'KEYRING', 'JEWELLERY', 'GLOVES', 'HAT', 'SUNGLASSES', 'BEAD', 'BEADS', 'EARRING', 'HOOP', 'PONCHO', 'RAIN MAC', 'EAR MUFF', 'FAN', 'BADGE', 'CHOKER', 'HAIRCLIPS',
  ],
  'Toys & Games': [
    'TOY', 'TOYS', 'GAME', 'GAMES', 'DOLL', 'DOLLS', 'DOLLY', 'JIGSAW', 'PUZZLE', 'MARBLES', 'SKIPPING', 'SPACEBOY', 'DINOSAUR',
    'TEDDY', 'PLAYHOUSE', 'DOMINOES', 'PLAYING CARDS', 'KIT', 'FELTCRAFT', 'COLOURING', 'CRAYONS', 'DRAWING', 'SPINNING',
    'BABUSHKA', 'NINJA', 'SOLDIER', 'SOLDIERS', 'YOYO', 'KNITTING', 'SEWING', 'MAGIC', 'STRESS BALL', 'BLOCKS', 'BINGO', 'HELICOPTER', 'LUDO', 'SNAKES', 'PUPPET', 'CLAY', 'STENCIL', 'PAINT', 'TATTOOS', 'CREEPY', 'SPACE', 'FLYING DISC', 'SANDCASTLE', 'SPADE', 'GLIDERS', 'TIARAS', 'ANIMAL', 'PATCHES', 'ROCKING', 'RATTLE', 'WHEELBARROW',
  ],
  'Bags & Purses': ['BAG', 'BAGS', 'TOTE', 'SHOPPER', 'PURSE', 'PURSES', 'WASHBAG', 'BACKPACK', 'RUCKSACK', 'WALLET', 'HANDBAG', 'SATCHEL'],
  'Kitchen & Dining': [
    'MUG', 'MUGS', 'CUP', 'CUPS', 'SAUCER', 'SAUCERS', 'PLATE', 'PLATES', 'BOWL', 'BOWLS', 'TEA', 'TEAPOT', 'COFFEE', 'CAKE',
    'CAKES', 'CAKESTAND', 'BAKING', 'COOKIE', 'CUTTER', 'CUTTERS', 'JAM', 'SPOON', 'SPOONS', 'CUTLERY', 'NAPKIN', 'NAPKINS',
    'APRON', 'OVEN', 'TRAY', 'TRAYS', 'JUG', 'DINNER', 'BREAKFAST', 'LUNCH', 'KITCHEN', 'FOOD', 'MILK', 'EGG CUP', 'RECIPE',
    'SCALES', 'MOULD', 'COASTER', 'COASTERS', 'PICNIC', 'DISH', 'PAN', 'CHOPSTICKS', 'DOILIES', 'STRAWS', 'TUMBLER', 'WINE',
    'CHAMPAGNE', 'GLASSES', 'BISCUIT', 'SUGAR', 'TOAST', 'SALT', 'PEPPER', 'BREAD', 'PUDDING', 'CHOPPING', 'FORK', 'KNIFE',
    'SNACK', 'SWEETS', 'PANTRY', 'CAFE', 'PIE', 'BOTTLE OPENER', 'MEASURING', 'COLANDER', 'PICNIC', 'FLASK', 'BEAKERS', 'COSY', 'PLACEMAT', 'PLACEMATS', 'SQUEEZER', 'PLATTER', 'TOASTRACK', 'POPSICLES', 'LOLLY', 'MILKSHAKE', 'PETIT', 'COOKING', 'BIB', 'GLASS JAR', 'CHALICE', 'FRUITBOWL', 'APERITIF',
  ],
  'Bath & Beauty': [
    'SOAP', 'BATH', 'BATHROOM', 'SPONGE', 'TOWEL', 'FLANNEL', 'TISSUES', 'LIP', 'GLOSS', 'NAIL', 'PLASTERS', 'BALM', 'TOILETRY',
    'COSMETIC', 'MAKE UP', 'COMPACT MIRROR', 'TOOTHBRUSH', 'SHOWER', 'LIPSTICK', 'PERFUME', 'TOILET',
  ],
  'Stationery & Cards': [
    'CARD', 'CARDS', 'GREETING', 'PEN', 'PENS', 'PENCIL', 'PENCILS', 'NOTEBOOK', 'NOTEBOOKS', 'NOTEPAD', 'JOURNAL', 'DIARY',
    'SKETCHBOOK', 'WRAP', 'WRAPPING', 'STICKER', 'STICKERS', 'TAPE', 'ENVELOPE', 'ENVELOPES', 'CALENDAR', 'ERASER', 'RUBBER',
    'RULER', 'TAG', 'TAGS', 'LABEL', 'LABELS', 'STATIONERY', 'ORIGAMI', 'BOOKMARK', 'MARKER', 'CHALK', 'TISSUE', 'PAPER',
    'NOTE', 'NOTES', 'BOOK', 'ADDRESS BOOK', 'LETTER', 'LETTERS', 'POSTCARD', 'SHARPENER', 'GIFT WRAP', 'RIBBON', 'RIBBONS', 'ERASERS', 'CALCULATOR', 'PAPERWEIGHT', 'MEMO', 'MEMOBOARD', 'CHALKBOARD', 'BLACK BOARD', 'STAMP', 'SCISSOR', 'SCISSORS', 'WRITING', 'BADGES', 'WRAPS',
  ],
  'Garden & Outdoor': [
    'GARDEN', 'PLANT', 'PLANTER', 'PLANTERS', 'POT', 'POTS', 'WATERING', 'BIRD', 'BIRDS', 'BIRDHOUSE', 'FEEDER', 'GNOME', 'HERB',
    'HERBS', 'GROW', 'SEED', 'SEEDS', 'PARASOL', 'SHED', 'TROWEL', 'GREENHOUSE', 'FLOWERPOT', 'WINDMILL', 'OUTDOOR', 'WINDSOCK', 'FLY SWAT', 'HAMMOCK', 'BEACH',
  ],
  'Soft Furnishings': [
    'CUSHION', 'CUSHIONS', 'THROW', 'BLANKET', 'QUILT', 'HOT WATER BOTTLE', 'WARMER', 'DOORMAT', 'RUG', 'CURTAIN', 'PILLOW',
    'FILLER', 'BEDSPREAD', 'PATCHWORK', 'CUSHION COVER', 'TABLECLOTH', 'TABLE RUNNER', 'SLIPPERS', 'SQUARECUSHION', 'C COVER', 'IRONING', 'SLIPPER', 'POUFFE',
  ],
  Storage: [
    'BOX', 'BOXES', 'BASKET', 'BASKETS', 'TIN', 'TINS', 'STORAGE', 'CRATE', 'JAR', 'JARS', 'DRAWER', 'DRAWERS', 'CABINET',
    'CHEST', 'CONTAINER', 'RACK', 'TIDY', 'TRINKET', 'CASE', 'BIN', 'BUCKET', 'HAMPER', 'TRUNK', 'ORGANISER', 'SHELF', 'PEG',
    'PEGS', 'POUCH', 'HOLDER', 'TUBE', 'STAND', 'CANNISTER', 'CANISTER',
  ],
  'Home Decor': [
    'HEART', 'HEARTS', 'HANGING', 'FRAME', 'SIGN', 'CLOCK', 'MIRROR', 'VASE', 'DOORSTOP', 'DOOR', 'HOOK', 'HOOKS', 'WALL', 'ART',
    'ORNAMENT', 'DECORATION', 'DECORATIONS', 'GARLAND', 'WREATH', 'BELL', 'BELLS', 'PICTURE', 'PHOTO', 'TILE', 'KNOB', 'MAGNET',
    'MAGNETS', 'PLAQUE', 'FEATHER', 'BUTTERFLY', 'CHANDELIER', 'MOBILE', 'HANGER', 'COAT', 'ALARM', 'THERMOMETER', 'BILLBOARD',
    'DOILY', 'FLOWER', 'FLOWERS', 'ROSE', 'ROSES', 'STAR', 'STARS', 'FIGURE', 'CHIME', 'SCULPTURE', 'DECORATIVE', 'CLOCHE',
    'BELL JAR', 'HOME', 'ANGEL', 'BIRDCAGE', 'SHELL', 'BLOSSOM', 'LOVE', 'BUNNY', 'CHICK', 'EASTER', 'DOORSIGN', 'DUCKS', 'DISCO', 'GLOBE', 'PENNANT', 'MUSHROOM', 'GEISHA', 'CHAIR', 'STOOL', 'PHOTOFRAME', 'DRAWERKNOB', 'ASHTRAY',
  ],
};

const RULES: readonly (readonly [ProductCategory, readonly string[]])[] = PRODUCT_CATEGORIES.flatMap((category) =>
  category === 'Gifts & Novelties' ? [] : [[category, CATEGORY_KEYWORDS[category]] as const],
);

/**
 * The category of a product from the upper-case words of its description.
 *
 * @example
 * categoryOf(['WHITE', 'HANGING', 'HEART', 'T-LIGHT', 'HOLDER']) // 'Candles & Lights'
 */
export function categoryOf(words: readonly string[]): ProductCategory {
  // `+` and `/` join words in the stock descriptions ("NECKLACE+BRACELET"), not in the rules;
  // "LIGHT PINK" is a colour, not a lamp.
  const padded = ` ${words.join(' ').replace(/[+/]/g, ' ')} `.replace(/ LIGHT (?=(PINK|BLUE|GREEN|GREY|PURPLE|BROWN) )/g, ' ');
  for (const [category, keywords] of RULES) {
    if (keywords.some((keyword) => padded.includes(` ${keyword} `))) return category;
  }
  return 'Gifts & Novelties';
}
