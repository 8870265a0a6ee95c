import type { Database, Statement } from 'better-sqlite3';
import { ReadCache } from './read-cache';
import type { DeliveryMethod, ShippingRate, ShippingZone } from './types';

interface ZoneRow {
  id: string;
  name: string;
  countries: string;
  is_default: number;
}

interface RateRow {
  method: DeliveryMethod;
  price_minor: number;
  currency: string;
  min_days: number;
  max_days: number;
  free_over_minor: number | null;
}

/** Shipping zones and their rates: what delivery costs and how long it takes, per country. */
export class ShippingRepository {
  private readonly ratesOf: Statement<[string], RateRow>;
  private readonly zonesStmt: Statement<[], ZoneRow>;
  /** Zones are read on every delivery question and change when the shop edits them. */
  private readonly reads: ReadCache;

  constructor(private readonly db: Database) {
    this.ratesOf = db.prepare(
      'SELECT method, price_minor, currency, min_days, max_days, free_over_minor FROM shipping_rates WHERE zone_id = ? ORDER BY price_minor, method',
    );
    this.zonesStmt = db.prepare(
      'SELECT z.* FROM shipping_zones z ORDER BY z.is_default, (SELECT min(price_minor) FROM shipping_rates r WHERE r.zone_id = z.id), z.name',
    );
    this.reads = new ReadCache(db, ['shipping_zones', 'shipping_rates']);
  }

  /** Replaces every zone and rate with these, in one transaction. */
  replaceZones(zones: readonly ShippingZone[]): void {
    const insertZone = this.db.prepare('INSERT INTO shipping_zones (id, name, countries, is_default) VALUES (?, ?, ?, ?)');
    const insertRate = this.db.prepare(`
      INSERT INTO shipping_rates (zone_id, method, price_minor, currency, min_days, max_days, free_over_minor)
      VALUES (@zoneId, @method, @priceMinor, @currency, @minDays, @maxDays, @freeOverMinor)`);
    this.db.transaction(() => {
      this.db.exec('DELETE FROM shipping_rates; DELETE FROM shipping_zones;');
      for (const zone of zones) {
        insertZone.run(zone.id, zone.name, JSON.stringify(zone.countries.map((c) => c.toUpperCase())), zone.isDefault ? 1 : 0);
        for (const rate of zone.rates) insertRate.run({ zoneId: zone.id, ...rate });
      }
    })();
  }

  /**
   * Every zone with its rates, cheapest first (usually the home country), the default zone last.
   * Frozen: shared with other readers until a zone or rate changes.
   */
  listZones(): ShippingZone[] {
    return this.reads.get('zones', () => this.zonesStmt.all().map((row) => this.toZone(row)));
  }

  /**
   * The zone that ships to a country (ISO 3166-1 alpha-2), or the default zone when no zone
   * names it; undefined when the shop has no zones, or ships nowhere else.
   */
  zoneFor(country: string): ShippingZone | undefined {
    const code = country.toUpperCase();
    const zones = this.listZones();
    return zones.find((z) => z.countries.includes(code)) ?? zones.find((z) => z.isDefault);
  }

  private toZone(row: ZoneRow): ShippingZone {
    const rates: ShippingRate[] = this.ratesOf.all(row.id).map((r) => ({
      method: r.method,
      priceMinor: r.price_minor,
      currency: r.currency,
      minDays: r.min_days,
      maxDays: r.max_days,
      freeOverMinor: r.free_over_minor,
    }));
    return { id: row.id, name: row.name, countries: JSON.parse(row.countries) as string[], isDefault: row.is_default === 1, rates };
  }
}
