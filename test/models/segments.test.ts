import { createRng, fitSegments, kMeans, parseSegmentModel, rfmByCustomer, segmentOf, type OrderRecord } from '../../models';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);

/** Four groups of 25 customers with textbook order histories, each with a little jitter. */
function fixture(): OrderRecord[] {
  const rng = createRng(21);
  const orders: OrderRecord[] = [];
  const add = (prefix: string, count: number, daysAgo: (i: number) => number, total: () => number): void => {
    for (let c = 0; c < 25; c++) {
      for (let i = 0; i < count; i++) orders.push({ customerId: `${prefix}${c}`, at: NOW - daysAgo(i) * DAY - rng() * DAY, total: total() });
    }
  };
  add('loyal', 12, (i) => 3 + i * 20, () => 120 + rng() * 60);
  add('new', 1, () => 4 + rng() * 10, () => 25 + rng() * 10);
  add('risk', 8, (i) => 200 + i * 30, () => 90 + rng() * 40);
  add('lapsed', 1, () => 400 + rng() * 60, () => 20 + rng() * 10);
  return orders;
}

describe('customer segments', () => {
  it('names k-means segments from their centroids', () => {
    const orders = fixture();
    const model = fitSegments(orders, { now: NOW, rng: createRng(3), k: 4 });
    const rfm = rfmByCustomer(orders, NOW);
    const name = (id: string): string => segmentOf(model, rfm.get(id));
    expect(name('loyal3')).toBe('loyal high spenders');
    expect(name('new7')).toBe('new');
    expect(name('risk1')).toBe('at risk');
    expect(name('lapsed9')).toBe('lapsed');
    expect(model.segments.map((s) => s.customers).sort()).toEqual([25, 25, 25, 25]);
    const loyal = model.segments.find((s) => s.name === 'loyal high spenders');
    expect(loyal?.typical.frequency).toBeCloseTo(12, 0);
  });

  it('gives the same names whatever the cluster order (names do not come from indices)', () => {
    const orders = fixture();
    for (const seed of [1, 2, 5, 8]) {
      const model = fitSegments([...orders].reverse(), { now: NOW, rng: createRng(seed), k: 4 });
      const rfm = rfmByCustomer(orders, NOW);
      expect(segmentOf(model, rfm.get('risk4'))).toBe('at risk');
      expect(segmentOf(model, rfm.get('new0'))).toBe('new');
    }
  });

  it('survives a save/load round trip and rejects a damaged model', () => {
    const orders = fixture();
    const model = fitSegments(orders, { now: NOW, rng: createRng(3), k: 4 });
    const loaded = parseSegmentModel(JSON.parse(JSON.stringify(model)));
    for (const rfm of rfmByCustomer(orders, NOW).values()) expect(segmentOf(loaded, rfm)).toBe(segmentOf(model, rfm));
    expect(() => parseSegmentModel({ ...model, segments: [{ ...model.segments[0], name: 'vip' }] })).toThrow(/segments\.0\.name/);
  });

  it('calls a shopper with no orders new', () => {
    const model = fitSegments(fixture(), { now: NOW, rng: createRng(3) });
    expect(segmentOf(model, undefined)).toBe('new');
  });
});

describe('kMeans', () => {
  it('recovers well separated blobs', () => {
    const rng = createRng(5);
    const centres = [[0, 0], [10, 10], [0, 10]];
    const points = centres.flatMap((c) => Array.from({ length: 50 }, () => c.map((v) => v + rng() - 0.5)));
    const { assignments, inertia } = kMeans(points, 3, createRng(2));
    for (let b = 0; b < 3; b++) expect(new Set(assignments.slice(b * 50, b * 50 + 50)).size).toBe(1);
    expect(new Set(assignments).size).toBe(3);
    expect(inertia).toBeLessThan(150 * 0.5);
  });
});
