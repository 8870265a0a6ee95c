import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { BotStateRepository } from './bot-state-repository';
import { SYSTEM_CLOCK, randomIds, type Clock, type IdGenerator } from './clock';
import { ConversationsRepository } from './conversations-repository';
import { CustomersRepository } from './customers-repository';
import { HandoffExtrasRepository } from './handoff-extras-repository';
import { HandoffsRepository } from './handoffs-repository';
import { migrate } from './migrations';
import { OrdersRepository } from './orders-repository';
import { ProductsRepository } from './products-repository';
import { SessionsRepository } from './sessions-repository';
import { AuditRepository } from './audit-repository';
import { OrderChangesRepository } from './order-changes-repository';
import { PaymentsRepository } from './payments-repository';
import { PoliciesRepository } from './policies-repository';
import { ReturnsRepository } from './returns-repository';
import { ShippingRepository } from './shipping-repository';
import { UsersRepository } from './users-repository';
import { PrivacyRepository } from './privacy-repository';
import { ChannelsRepository } from './channels-repository';
import { WebhookOutboxRepository } from './webhook-outbox-repository';
import { OffersRepository } from './offers-repository';
import { CouponsRepository } from './coupons-repository';
import { OfferSignalsRepository } from './offer-signals-repository';
import { AnalyticsRepository } from './analytics-repository';
import { GroupCommit } from './group-commit';

/** Options for {@link openStore}. */
export interface StoreOptions {
  /** SQLite file, created with its folder if missing; `:memory:` for a throwaway database. */
  file: string;
  /** @default the wall clock */
  clock?: Clock;
  /** @default time-ordered random ids */
  ids?: IdGenerator;
  /**
   * SQLite `synchronous` level. `NORMAL` with WAL keeps every committed transaction through a
   * process crash (`kill -9`); `FULL` also through power loss, at a cost per commit.
   * @default 'NORMAL'
   */
  synchronous?: 'NORMAL' | 'FULL';
  /**
   * Applied to message texts (and the NLU's entities) before they are stored, e.g. PII
   * redaction; the message returned to the caller keeps the text as received, for its turn.
   * @default stores texts as they are
   */
  transcriptFilter?: (text: string) => string;
}

/** The profile store: one repository per aggregate over one SQLite database. */
export interface Store {
  readonly db: Database;
  /** The store's clock, for rules that depend on the date (return windows). */
  readonly clock: Clock;
  readonly customers: CustomersRepository;
  readonly products: ProductsRepository;
  readonly orders: OrdersRepository;
  readonly sessions: SessionsRepository;
  readonly conversations: ConversationsRepository;
  readonly botState: BotStateRepository;
  /** Returns and their RMA numbers (shop skills). */
  readonly returns: ReturnsRepository;
  /** Shipping zones and rates (shop skills). */
  readonly shipping: ShippingRepository;
  /** Payment attempts on orders (shop skills). */
  readonly payments: PaymentsRepository;
  /** Return window, refund time, payment methods, coupon rules (shop skills). */
  readonly policies: PoliciesRepository;
  /** Who changed what, when, before and after (shop skills and the shop integration). */
  readonly audit: AuditRepository;
  /** Audited changes to orders: cancel, new address, returns, invoices, shop events (shop skills). */
  readonly orderChanges: OrderChangesRepository;
  /** Console users (agents, managers), their sessions and sign-in throttling. */
  readonly users: UsersRepository;
  /** Human handoffs and their transition log. */
  readonly handoffs: HandoffsRepository;
  /** Agents' notes, canned replies, CSAT ratings, leave-a-message follow-ups. */
  readonly handoffExtras: HandoffExtrasRepository;
  /** One shopper's data found, exported and erased; the retention purge; the privacy request log. */
  readonly privacy: PrivacyRepository;
  /** Outside channels' users linked to sessions, and the webhook's seen message ids. */
  readonly channels: ChannelsRepository;
  /** Signed deliveries to the shop's webhook callback, retried with back-off. */
  readonly webhookOutbox: WebhookOutboxRepository;
  /** The coupon policy and every offer / hold-out decision (issue 6). */
  readonly offers: OffersRepository;
  /** Single-use coupons issued with offers, and their redemptions (issue 6). */
  readonly coupons: CouponsRepository;
  /** Orders, tracker events and redemptions as the offer engine reads them (issue 6). */
  readonly offerSignals: OfferSignalsRepository;
  /** The manager dashboard's aggregations, transcripts and misunderstood messages (issue 8). */
  readonly analytics: AnalyticsRepository;
  /** Runs `fn` in one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T;
  /**
   * Runs `fn` in a transaction committed together with the others asked for in the same
   * event-loop turn (group commit; `fn` alone rolls back if it throws). Resolves after the commit.
   */
  groupTransaction<T>(fn: () => T): Promise<T>;
  /** True when the shop has no products yet (a new database). */
  isEmpty(): boolean;
  close(): void;
}

/**
 * Opens (creating and migrating as needed) the SQLite store in WAL mode.
 *
 * @example
 * const store = openStore({ file: 'var/shopkeep.db' });
 */
export function openStore(options: StoreOptions): Store {
  if (options.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
  const db = new BetterSqlite3(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Statement and savepoint journals (a statement whose triggers write elsewhere, each message of a
  // group commit) stay in memory rather than in temp files.
  db.pragma('temp_store = MEMORY');
  migrate(db);
  const clock = options.clock ?? SYSTEM_CLOCK;
  const ids = options.ids ?? randomIds(clock);
  const orders = new OrdersRepository(db);
  const shopSkills = shopSkillRepositories(db, clock, ids, orders);
  const group = new GroupCommit(db);
  return {
    db,
    clock,
    customers: new CustomersRepository(db),
    products: new ProductsRepository(db),
    orders,
    sessions: new SessionsRepository(db, clock, ids),
    conversations: new ConversationsRepository(db, clock, ids, options.transcriptFilter),
    botState: new BotStateRepository(db, clock),
    ...shopSkills,
    users: new UsersRepository(db, clock, ids),
    handoffs: new HandoffsRepository(db, clock, ids),
    handoffExtras: new HandoffExtrasRepository(db, clock, ids),
    privacy: new PrivacyRepository(db, clock, ids),
    channels: new ChannelsRepository(db, clock),
    webhookOutbox: new WebhookOutboxRepository(db, clock, ids),
    offers: new OffersRepository(db, clock),
    coupons: new CouponsRepository(db),
    offerSignals: new OfferSignalsRepository(db),
    analytics: new AnalyticsRepository(db, clock),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    groupTransaction: (fn) => group.run(fn),
    isEmpty: () => db.prepare('SELECT count(*) FROM products').pluck().get() === 0,
    close: () => {
      if (db.open) db.close();
    },
  };
}

/** The repositories of the shop skills (migration 2), wired to the orders they change. */
function shopSkillRepositories(db: Database, clock: Clock, ids: IdGenerator, orders: OrdersRepository) {
  const returns = new ReturnsRepository(db, clock, ids);
  const payments = new PaymentsRepository(db, ids);
  const audit = new AuditRepository(db, clock);
  const nextId = (prefix: string): string => ids.next(prefix);
  return {
    returns,
    shipping: new ShippingRepository(db),
    payments,
    policies: new PoliciesRepository(db, clock),
    audit,
    orderChanges: new OrderChangesRepository(db, clock, { orders, returns, payments, audit, nextId }),
  };
}
