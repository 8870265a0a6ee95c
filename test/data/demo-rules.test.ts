import { categoryOf } from '../../data/categories';
import { customerIdentity, shippingZone } from '../../data/people';
import { productAttributes, productStock } from '../../data/product-facts';
import { productImage } from '../../data/product-image';
import { descriptionWords, productName } from '../../data/product-names';
import { randomFor } from '../../data/random';
import { retailDate } from '../../data/retail-source';
import { planShipment, shipmentAt } from '../../data/shipments';
import { CARRIERS, s10CheckDigit, trackingNumber, upsCheckDigit } from '../../data/tracking-numbers';

const DAY = 86_400_000;

describe('product names', () => {
  it.each([
    ['WHITE HANGING HEART T-LIGHT HOLDER', 'White Hanging Heart T-Light Holder'],
    ['S/3 WHITE HANGING HEART T-LIGHT HLDR', 'Set of 3 White Hanging Heart T-Light Holder'],
    ['BAG 250g SWIRLY MARBLES', 'Bag 250g Swirly Marbles'],
    ['3 TRADITIONAl BISCUIT CUTTERS  SET', '3 Traditional Biscuit Cutters Set'],
    ['FOLK ART GREETING CARD,pack/12', 'Folk Art Greeting Card Pack of 12'],
    ['POLYESTER FILLER PAD 45x45cm', 'Polyester Filler Pad 45x45cm'],
    ['RETROSPOT TEA SET CERAMIC 11 PC ', 'Retrospot Tea Set Ceramic 11 pc'],
    ["Dad's Cab Electronic Meter", "Dad's Cab Electronic Meter"],
    ['CHARLIE+LOLA RED HOT WATER BOTTLE', 'Charlie+Lola Red Hot Water Bottle'],
    ['*USB Office Mirror Ball', 'USB Office Mirror Ball'],
  ])('%s → %s', (description, name) => {
    expect(productName(description)).toBe(name);
  });
});

describe('categories and attributes', () => {
  it.each([
    ['WHITE HANGING HEART T-LIGHT HOLDER', 'Candles & Lights'],
    ['PAPER CHAIN KIT 50\'S CHRISTMAS', 'Christmas'],
    ['JUMBO BAG RED RETROSPOT', 'Bags & Purses'],
    ['BAG 250g SWIRLY MARBLES', 'Toys & Games'],
    ['SET OF 3 CAKE TINS PANTRY DESIGN', 'Kitchen & Dining'],
    ['NECKLACE+BRACELET SET BLUE HIBISCUS', 'Jewellery & Accessories'],
    ['KNITTED UNION FLAG HOT WATER BOTTLE', 'Soft Furnishings'],
    ['WATERING CAN PINK BUNNY', 'Garden & Outdoor'],
    ['CREAM CUPID HEARTS COAT HANGER', 'Home Decor'],
    ['PIGGY BANK RETROSPOT', 'Gifts & Novelties'],
    ['FEATHER PEN,LIGHT PINK', 'Stationery & Cards'],
  ])('%s is in %s', (description, category) => {
    expect(categoryOf(descriptionWords(description))).toBe(category);
  });

  it('reads colour, size, material, pattern and pack size from the words', () => {
    expect(productAttributes(descriptionWords('JUMBO BAG RED RETROSPOT'))).toEqual({ colour: 'red', size: 'jumbo', pattern: 'retrospot' });
    expect(productAttributes(descriptionWords('SET/6 PINK WHITE WOODEN SPOONS'))).toEqual({ colour: 'pink & white', material: 'wood', pack: '6' });
    expect(productAttributes(descriptionWords('HOME BUILDING BLOCK WORD'))).toEqual({});
  });

  it('keeps stock a function of the product id, with some products sold out', () => {
    const ids = Array.from({ length: 500 }, (_, i) => String(20000 + i));
    expect(ids.map(productStock)).toEqual(ids.map(productStock));
    expect(ids.filter((id) => productStock(id) === 0).length).toBeGreaterThan(10);
  });

  it('draws products as inline SVG with the name escaped', () => {
    const url = productImage('1', 'Fish & <Chips> "Plate"', 'Kitchen & Dining', 'red & white');
    expect(url.startsWith('data:image/svg+xml')).toBe(true);
    const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    expect(svg).toContain('Fish &#38; &#60;Chips&#62;');
    expect(svg).toContain('#e36b6b');
    expect(svg).toContain('<path');
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});

describe('customers', () => {
  it('get a stable plausible identity on example.com conventions for their country', () => {
    const ann = customerIdentity('17850', 'United Kingdom');
    expect(customerIdentity('17850', 'United Kingdom')).toEqual(ann);
    expect(ann.locale).toBe('en-GB');
    expect(ann.address).toMatch(/^\d+ .+, .+ [A-Z]{2}\d \d[A-Z]{2}, United Kingdom$/);
    const german = customerIdentity('12662', 'Germany');
    expect(german.address).toMatch(/^\D+ \d+, \d{5} .+, Germany$/);
    expect(german.emailLocalPart).toMatch(/^[a-z]+\.[a-z-]+$/);
    expect(customerIdentity('1', 'Atlantis').locale).toBeNull();
  });

  it('are shipped to by zone', () => {
    expect(shippingZone('United Kingdom')).toBe('domestic');
    expect(shippingZone('France')).toBe('europe');
    expect(shippingZone('Japan')).toBe('world');
    expect(shippingZone('Atlantis')).toBe('world');
  });
});

describe('tracking numbers', () => {
  it('use the published check digits', () => {
    expect(s10CheckDigit('12345678')).toBe(5); // UPU S10's own example, RR123456785GB
    expect(upsCheckDigit('999AA1012345678')).toBe(4); // 1Z999AA10123456784
  });

  it('follow each carrier format', () => {
    const formats: Record<(typeof CARRIERS)[number], RegExp> = {
      'Royal Mail': /^[A-Z]{2}\d{9}GB$/,
      Parcelforce: /^(PB|CP)\d{9}GB$/,
      DPD: /^1550\d{10}$/,
      'DHL Express': /^\d{10}$/,
      UPS: /^1Z[A-Z0-9]{6}\d{10}$/,
    };
    for (const carrier of CARRIERS) {
      for (let i = 0; i < 50; i++) {
        const number = trackingNumber(carrier, i % 2 === 0, randomFor('test', `${carrier}${i}`));
        expect(number).toMatch(formats[carrier]);
        if (carrier === 'Royal Mail' || carrier === 'Parcelforce') expect(Number(number[10])).toBe(s10CheckDigit(number.slice(2, 10)));
        if (carrier === 'DHL Express') expect(Number(number[9])).toBe(Number(number.slice(0, 9)) % 7);
        if (carrier === 'UPS') expect(Number(number[17])).toBe(upsCheckDigit(number.slice(2, 17)));
      }
    }
  });
});

describe('shipments', () => {
  it('only move forward in time, through the lifecycle in order', () => {
    const lifecycle = ['pending', 'paid', 'processing', 'shipped', 'delivered', 'refunded'];
    const placed = Date.parse(retailDate('09/12/2010 14:05'));
    const problems: string[] = [];
    let cancelledOrders = 0;
    for (let i = 0; i < 300; i++) {
      const plan = planShipment(String(540000 + i), i % 3 === 0 ? 'France' : 'United Kingdom');
      let last = -1;
      let cancelled = false;
      for (let t = placed; t < placed + 30 * DAY; t += 6 * 3_600_000) {
        const { status } = shipmentAt(placed, plan, t);
        const step = lifecycle.indexOf(status);
        if (status === 'cancelled') cancelled = true;
        else if (cancelled || step < last) problems.push(`${540000 + i} went back to ${status}`);
        else last = step;
      }
      if (cancelled) cancelledOrders++;
      else if (last < lifecycle.indexOf('delivered')) problems.push(`${540000 + i} never arrived`);
    }
    expect(problems).toEqual([]);
    expect(cancelledOrders).toBeGreaterThan(0);
  });

  it('read the UK day-first dates of the source as UTC', () => {
    expect(retailDate('01/12/2010 08:26')).toBe('2010-12-01T08:26:00.000Z');
    expect(retailDate('20/12/2010 16:11')).toBe('2010-12-20T16:11:00.000Z');
  });
});
