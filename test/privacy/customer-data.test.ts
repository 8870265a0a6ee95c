import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { deleteCustomer, exportCustomer } from '../../server/privacy';
import { ask, connectShopper, startShop, tempDir, type TestShop } from '../support/shop-server';

interface Person {
  email: string;
  name: string;
  customerId: string;
  orderId: string;
}

function twoCustomers(db: Database): [Person, Person] {
  const rows = db
    .prepare(`SELECT c.email, c.name, c.id AS customerId, min(o.id) AS orderId FROM customers c JOIN orders o ON o.customer_id = c.id
      WHERE o.status = 'shipped' AND c.name LIKE '% %' GROUP BY c.id ORDER BY c.id LIMIT 2`)
    .all() as Person[];
  return [rows[0] as Person, rows[1] as Person];
}

/** A shopper tracks their order (order number, then email) and asks for a person. */
async function chatAbout(url: string, person: Person, tag: string): Promise<string> {
  const { socket, session } = await connectShopper(url);
  await ask(socket, 'where is my order?', `${tag}-1`);
  await ask(socket, person.orderId, `${tag}-2`);
  const status = await ask(socket, person.email, `${tag}-3`);
  expect(status.text).toContain(person.orderId);
  const handoff = await ask(socket, 'I want to talk to a human', `${tag}-4`);
  expect(handoff.text).toMatch(/agent|person|team|colleague/i);
  // Nobody is online: the bot offers to take a message (a follow-up holding the email).
  await ask(socket, `I am ${person.name}, call me on +44 20 7946 0958 or mail ${person.email}`, `${tag}-5`);
  socket.disconnect();
  return session.sessionId;
}

/** Every text value in every table, with where it was found. */
function everyValue(db: Database): { table: string; column: string; value: string }[] {
  const out: { table: string; column: string; value: string }[] = [];
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  for (const table of tables) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) if (typeof value === 'string') out.push({ table, column, value });
    }
  }
  return out;
}

const word = (token: string): RegExp => new RegExp(`(?<![\\w.@-])${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w@-])`, 'i');

describe('GDPR export and erasure of one customer', () => {
  const tmp = tempDir();
  let shop: TestShop;

  beforeAll(async () => {
    // Transcripts unredacted: the worst case, where the email and name sit in free text.
    shop = await startShop(path.join(tmp.dir, 'shop.db'), {}, { SHOPKEEP_REDACT_TRANSCRIPTS: '0' });
  });
  afterAll(async () => {
    await shop.stop();
    tmp.cleanup();
  });

  it('exports every row about the customer, then leaves no trace of them in any table, and others untouched', async () => {
    const db = shop.shop.store.db;
    const [ann, bob] = twoCustomers(db);
    const annSession = await chatAbout(shop.url, ann, 'a');
    const bobSession = await chatAbout(shop.url, bob, 'b');

    // An agent took the conversation and wrote a note naming the customer.
    const store = shop.shop.store;
    const annConversation = store.conversations.openForSession(annSession, 'widget', 'en');
    const agent = db.prepare("SELECT id FROM users WHERE role = 'agent' LIMIT 1").pluck().get() as string;
    store.handoffs.open({
      conversationId: annConversation.id, trigger: 'asked', language: 'en', team: 'general', priority: 1, intent: 'order_status',
      sentimentScore: 0, summary: `${ann.name} asks about ${ann.orderId}`, deadlineAt: new Date(Date.now() + 60_000).toISOString(),
    });
    store.handoffExtras.addNote(annConversation.id, agent, `${ann.name} prefers email`);

    const data = exportCustomer(store, ann.email.toUpperCase());
    expect(data.email).toBe(ann.email.toLowerCase());
    expect(data.tables.customers?.map((c) => c.id)).toEqual([ann.customerId]);
    expect(data.tables.orders?.map((o) => o.id)).toContain(ann.orderId);
    expect(data.tables.sessions?.map((s) => s.id)).toContain(annSession);
    expect(data.tables.messages?.some((m) => m.text === ann.email)).toBe(true);
    expect(data.tables.handoffs?.length).toBeGreaterThan(0);
    expect(data.tables.agent_notes?.length).toBe(1);
    expect(data.tables.follow_ups?.length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain(bob.email);
    const conversationIds = (data.tables.conversations ?? []).map((c) => String(c.id));
    const handoffIds = (data.tables.handoffs ?? []).map((h) => String(h.id));
    const orderIds = (data.tables.orders ?? []).map((o) => String(o.id));

    const bobRowsBefore = Object.values(exportCustomer(shop.shop.store, bob.email).tables).flat().length;
    const { rows } = deleteCustomer(shop.shop.store, ann.email);
    expect(rows).toBeGreaterThanOrEqual(Object.values(data.tables).flat().length);

    const strong = [ann.email, annSession, ...conversationIds, ...handoffIds].map(word);
    const weak = [ann.name, ann.customerId, ...orderIds].map(word);
    const leftovers = everyValue(db).filter(
      ({ column, value }) =>
        strong.some((re) => re.test(value)) ||
        (weak.some((re) => re.test(value)) && /^(id|customer_id|order_id|text|summary|body|payload|before|after|value|entities|reference|key|email)$/.test(column)),
    );
    expect(leftovers).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM customers WHERE id = ?').pluck().get(ann.customerId)).toBe(0);
    // Referential integrity holds after the sweep.
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // Bob keeps everything, and the log names Ann only by a hash.
    expect(Object.values(exportCustomer(shop.shop.store, bob.email).tables).flat().length).toBe(bobRowsBefore);
    expect(shop.shop.store.sessions.findById(bobSession)).toBeDefined();
    const log = shop.shop.store.privacy.requests();
    expect(log.map((r) => r.kind)).toEqual(expect.arrayContaining(['export', 'delete']));
    expect(JSON.stringify(log)).not.toContain(ann.email);
  });

  it('refuses a malformed email and erases nothing for an unknown one', () => {
    expect(() => deleteCustomer(shop.shop.store, 'not an email')).toThrow(/email/);
    expect(deleteCustomer(shop.shop.store, 'nobody@nowhere.example').rows).toBe(0);
  });
});
