import type { Database, Statement } from 'better-sqlite3';
import type { Customer } from './types';

interface CustomerRow {
  id: string;
  email: string;
  name: string;
  country: string | null;
  locale: string | null;
  created_at: string;
}

function toCustomer(row: CustomerRow): Customer {
  return { id: row.id, email: row.email, name: row.name, country: row.country, locale: row.locale, createdAt: row.created_at };
}

/** Shop customers. */
export class CustomersRepository {
  private readonly upsertStmt: Statement;
  private readonly byId: Statement<[string], CustomerRow>;
  private readonly byEmail: Statement<[string], CustomerRow>;

  constructor(private readonly db: Database) {
    this.upsertStmt = db.prepare(`
      INSERT INTO customers (id, email, name, country, locale, created_at)
      VALUES (@id, @email, @name, @country, @locale, @createdAt)
      ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name,
        country = excluded.country, locale = excluded.locale`);
    this.byId = db.prepare('SELECT * FROM customers WHERE id = ?');
    this.byEmail = db.prepare('SELECT * FROM customers WHERE email = ?');
  }

  /** Inserts or updates customers by id, in one transaction. */
  upsertMany(customers: readonly Customer[]): void {
    this.db.transaction(() => {
      for (const c of customers) this.upsertStmt.run(c);
    })();
  }

  findById(id: string): Customer | undefined {
    const row = this.byId.get(id);
    return row && toCustomer(row);
  }

  /** Case-insensitive. */
  findByEmail(email: string): Customer | undefined {
    const row = this.byEmail.get(email.trim());
    return row && toCustomer(row);
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  }
}
