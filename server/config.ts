import { z } from 'zod';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/**
 * Every setting of the server, from the environment, with its default. `.env.example` lists the
 * same variables; keep them in step.
 */
export const CONFIG_SCHEMA = z.object({
  /** HTTP port. @default 3000 */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on. @default '0.0.0.0' */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** SQLite file of the store (created with its folder on first start). @default './var/shopkeep.db' */
  SHOPKEEP_DB: z.string().min(1).default('./var/shopkeep.db'),
  /** `1` loads the demo shop into an empty database. @default '1' */
  SHOPKEEP_DEMO: flag.default(true),
  /** SQLite durability: NORMAL survives a process crash, FULL also a power loss. @default 'NORMAL' */
  SHOPKEEP_DB_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  /**
   * Who copies SQLite's write-ahead log into the database: `thread`, a worker thread with its own
   * connection (the copying and its fsyncs never hold up chats); `inline`, SQLite itself on the
   * connection that commits, every 1,000 pages. @default 'thread'
   */
  SHOPKEEP_DB_CHECKPOINT: z.enum(['thread', 'inline']).default('thread'),
  /**
   * Origins allowed to embed the widget (comma-separated, e.g. `https://shop.example`); pages
   * served by Shopkeep itself are always allowed. @default ''
   */
  SHOPKEEP_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ message: 'must be a comma-separated list of origins like https://shop.example' }))),
  /**
   * Minutes between full rebuilds of the recommender from the store (in a worker thread; events
   * update it in between). `0` turns automatic rebuilds off, at start too: best sellers only. @default 60
   */
  SHOPKEEP_RECOMMENDER_REBUILD_MINUTES: z.coerce.number().min(0).max(7 * 24 * 60).default(60),
  /** pino log level. @default 'info' */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Optional sentence encoder for the NLU (a model id under NLU_MODELS_DIR, or on the hub). @default '' */
  NLU_ENCODER: z.string().default(''),
  /** Folder holding local transformers.js models. @default './var/models' */
  NLU_MODELS_DIR: z.string().default('./var/models'),
  /** Let the encoder be downloaded from the model hub when not found locally. @default '0' */
  NLU_ALLOW_REMOTE: flag.default(false),
  /**
   * `1` reads shoppers' messages on a worker thread, beside the main one that runs the turns
   * (not with NLU_ENCODER, whose model stays in the main thread). Off by default: on two cores it
   * frees the main thread but has not lowered the load bench's p99, and costs CPU and memory. @default '0'
   */
  NLU_THREAD: flag.default(false),
  /** Console session lifetime in hours (agents and managers sign in again after it). @default 12 */
  SHOPKEEP_SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** `1` marks the console's session cookie Secure (set it when serving over HTTPS). @default '0' */
  SHOPKEEP_SECURE_COOKIES: flag.default(false),
  /** Failed console sign-ins allowed per email and per address within the window. @default 5 */
  SHOPKEEP_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** The sign-in throttling window in minutes. @default 15 */
  SHOPKEEP_LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  /** A handoff nobody claims expires after this many seconds (the shopper may leave a message). @default 600 */
  SHOPKEEP_HANDOFF_QUEUE_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(600),
  /** An assigned handoff with no message from either side is closed after this many seconds. @default 1800 */
  SHOPKEEP_HANDOFF_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(1800),
  /** A transfer nobody accepts goes back to the queue after this many seconds. @default 120 */
  SHOPKEEP_HANDOFF_TRANSFER_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(120),
  /** An agent offline this many seconds loses their conversations to the queue. @default 60 */
  SHOPKEEP_HANDOFF_OFFLINE_GRACE_SECONDS: z.coerce.number().int().min(0).default(60),
  /** `1` hands waiting conversations to the best eligible online agent; `0` lets agents claim them. @default '0' */
  SHOPKEEP_HANDOFF_AUTO_ASSIGN: flag.default(false),
  /** How often handoff deadlines are swept, in seconds. @default 5 */
  SHOPKEEP_HANDOFF_SWEEP_SECONDS: z.coerce.number().positive().default(5),
  /** Password of the demo agent (agent@shopkeep.test), created with the demo data. Demo only. @default 'demo-agent-pass' */
  SHOPKEEP_DEMO_AGENT_PASSWORD: z.string().min(10).default('demo-agent-pass'),
  /** Password of the demo manager (manager@shopkeep.test), created with the demo data. Demo only. @default 'demo-manager-pass' */
  SHOPKEEP_DEMO_MANAGER_PASSWORD: z.string().min(10).default('demo-manager-pass'),
  /**
   * Key of the shop-integration API (`/api/shop/*`: catalog, customers, orders, order events),
   * sent as `Authorization: Bearer <key>`; at least 24 characters. Empty disables the API (503). @default ''
   */
  SHOPKEEP_SHOP_API_KEY: z.union([z.literal(''), z.string().min(24, { message: 'must be at least 24 characters' })]).default(''),
  /** Azure Bot app id for `POST /api/messages`; empty turns Bot Framework auth off (local use, the Emulator). @default '' */
  MicrosoftAppId: z.string().default(''),
  /** The Azure Bot app's client secret. @default '' */
  MicrosoftAppPassword: z.string().default(''),
  /** The Azure tenant of a single-tenant bot. @default '' */
  MicrosoftAppTenantId: z.string().default(''),
  /** How the Azure Bot app authenticates. @default 'MultiTenant' */
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  /** `1` serves a local Direct Line 3.0 emulation under /directline (Web Chat without Azure; needs MicrosoftAppId empty). @default '0' */
  SHOPKEEP_DIRECTLINE: flag.default(false),
  /** Shared secret of the shop's webhook channel (at least 32 characters); empty turns the channel off. @default '' */
  SHOPKEEP_WEBHOOK_SECRET: z.union([z.literal(''), z.string().min(32, { message: 'must be at least 32 characters' })]).default(''),
  /** The shop's URL that receives the bot's and agents' replies to webhook users. @default '' */
  SHOPKEEP_WEBHOOK_CALLBACK_URL: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' })]).default(''),
  /** How far an inbound webhook timestamp may be from now, either way, in seconds. @default 300 */
  SHOPKEEP_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().positive().max(3600).default(300),
  /** Delivery attempts to the callback before a reply is dead-lettered. @default 8 */
  SHOPKEEP_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  /** Wait after the first failed delivery, doubled after each further one, in seconds. @default 5 */
  SHOPKEEP_WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().positive().default(5),
  /** The longest wait between delivery attempts, in seconds. @default 3600 */
  SHOPKEEP_WEBHOOK_RETRY_MAX_SECONDS: z.coerce.number().positive().default(3600),
  /** A callback slower than this many seconds counts as a failed attempt. @default 10 */
  SHOPKEEP_WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().positive().max(120).default(10),
  /** How often the webhook outbox is swept for due deliveries, in seconds. @default 2 */
  SHOPKEEP_WEBHOOK_SWEEP_SECONDS: z.coerce.number().positive().default(2),
  /** Shopper messages one session may send per minute (a flooder is told to wait; others are unaffected). @default 30 */
  SHOPKEEP_SESSION_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Shopper messages per minute from one IP address, all its sessions together. @default 600 */
  SHOPKEEP_IP_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** New widget socket connections per minute from one IP address. @default 120 */
  SHOPKEEP_IP_CONNECTIONS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Widget sockets open at once from one IP address. @default 100 */
  SHOPKEEP_IP_MAX_SOCKETS: z.coerce.number().int().min(1).default(100),
  /** REST requests per minute from one IP address (answered 429 beyond). @default 1200 */
  SHOPKEEP_IP_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /** `1` takes the client address from `X-Forwarded-For` (only behind a reverse proxy you run). @default '0' */
  SHOPKEEP_TRUST_PROXY: flag.default(false),
  /** Largest HTTP request body in kilobytes (413 beyond). @default 100 */
  SHOPKEEP_MAX_BODY_KB: z.coerce.number().int().min(1).max(10_240).default(100),
  /** Largest Socket.IO message in kilobytes (the socket is closed beyond; below it, over-long texts get a clear error). @default 256 */
  SHOPKEEP_MAX_SOCKET_PAYLOAD_KB: z.coerce.number().int().min(4).max(10_240).default(256),
  /** `1` stores transcripts with card numbers, emails and phone numbers masked (the bot's turn still reads them). @default '1' */
  SHOPKEEP_REDACT_TRANSCRIPTS: flag.default(true),
  /** Conversations with no message for this many days are deleted by the retention sweep; 0 keeps them forever. @default 365 */
  SHOPKEEP_RETENTION_DAYS: z.coerce.number().int().min(0).default(365),
  /** How often the retention sweep runs, in minutes. @default 60 */
  SHOPKEEP_RETENTION_SWEEP_MINUTES: z.coerce.number().positive().default(60),
  /** `0` turns coupon offers off whatever the manager's policy says (they also stay off until a manager enables them). @default '1' */
  SHOPKEEP_OFFERS: flag.default(true),
  /** A shopper's session is considered for an offer at most once per this many seconds of tracker events. @default 10 */
  SHOPKEEP_OFFER_THROTTLE_SECONDS: z.coerce.number().positive().default(10),
  /** How long an offered coupon code stays valid, in hours. @default 72 */
  SHOPKEEP_COUPON_VALID_HOURS: z.coerce.number().positive().max(24 * 365).default(72),
  /** The shop's offset from UTC in minutes: its calendar day for the daily offer budget, month and weekend for the purchase model. @default 0 */
  SHOPKEEP_OFFER_UTC_OFFSET_MINUTES: z.coerce.number().int().min(-840).max(840).default(0),
  /** How often page statistics and customer segments are recomputed for offers, in minutes. @default 60 */
  SHOPKEEP_OFFER_REFRESH_MINUTES: z.coerce.number().positive().default(60),
  /** Default attribution window of the offers report: a purchase this many days after the decision counts. @default 7 */
  SHOPKEEP_OFFER_ATTRIBUTION_DAYS: z.coerce.number().positive().max(365).default(7),
});

/** The parsed configuration. */
export type Config = z.infer<typeof CONFIG_SCHEMA>;

/** A configuration error naming the variable, raised before anything starts. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the configuration from an environment (by default `process.env`); fails fast with the
 * name of the bad variable.
 *
 * @example
 * const config = loadConfig({ SHOPKEEP_DB: ':memory:', SHOPKEEP_DEMO: '1' });
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(CONFIG_SCHEMA.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = CONFIG_SCHEMA.safeParse(known);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid ${String(issue?.path[0] ?? 'configuration')}: ${issue?.message ?? 'bad value'}`);
  }
  return parsed.data;
}
