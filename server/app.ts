import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type Express } from 'express';
import { Server } from 'socket.io';
import { RecommendationService, SKILLS, ShopBot, ShopperChannel, StoredConversationState, TurnPipeline, recommendationsSkill, type ShopperOutbox } from '../bot';
import { loadDemoShop } from '../data';
import type { Nlu } from '../nlu';
import { openStore, seedShopSkills, type Clock, type IdGenerator, type Store } from '../store';
import { publicApi } from './api';
import { recommendationsApi } from './recommendations-api';
import { checkChannelConfig, createMessagingChannels } from './messaging-channels';
import { shopApi } from './shop-api';
import { createAgentConsole } from './agent-console';
import { managerApi } from './manager-api';
import { NluTrainer, SwappableNlu, retrainedModelDir, startingNlu } from './nlu-training';
import { createOfferService, offersApi, redemptionFromOrderEvent } from './offers-api';
import type { Config } from './config';
import { errorMiddleware, notFound } from './errors';
import { OriginPolicy, abuseLimitsOf, guardShopperNamespace, requestLimit, securityHeaders } from './security';
import { RetentionSweeper, redactPii } from './privacy';
import { createLogger, type Logger } from './logger';
import { attachShopperNamespace, conversationRoom, type ShopperNamespace } from './shopper-socket';

/** Messages stored but unanswered when the server stopped are answered on start if this recent. */
const RESUME_WINDOW_MS = 30 * 60 * 1000;

/** API routes that authenticate a machine (a key, a signature) and are not limited per IP address. */
const MACHINE_ROUTES = ['/api/shop/', '/api/messages', '/api/webhook'] as const;

/** Rebuilds the recommender at start and then every `minutes` (never when 0). */
function recommenderRebuilds(recommendations: RecommendationService, minutes: number): { start(): void; stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  return {
    start: () => {
      if (minutes <= 0) return;
      void recommendations.rebuildNow();
      timer = setInterval(() => void recommendations.rebuildNow(), minutes * 60_000);
      timer.unref();
    },
    stop: () => clearInterval(timer),
  };
}

/** Things tests (and embedders) may replace. */
export interface AppDeps {
  logger: Logger;
  clock: Clock;
  ids: IdGenerator;
  nlu: Nlu;
  /** Folder of the built web assets (storefront, widget). @default '<project>/dist/web' */
  webRoot: string;
}

/** A built, not yet listening, Shopkeep server. */
export interface ShopkeepApp {
  app: Express;
  httpServer: http.Server;
  io: Server;
  store: Store;
  logger: Logger;
  /** Starts listening; resolves with the bound address (use port 0 in tests). */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting, lets running turns finish, closes sockets and the database. */
  close(): Promise<void>;
}

/** The project folder, whether this runs from `server/` (tests) or `dist/server/` (built). */
function projectRoot(): string {
  const up = path.resolve(__dirname, '..');
  return path.basename(up) === 'dist' ? path.resolve(up, '..') : up;
}

function defaultWebRoot(): string {
  return path.join(projectRoot(), 'dist', 'web');
}

function socketOutbox(nsp: ShopperNamespace): ShopperOutbox {
  return {
    deliver: (conversationId, message) => nsp.to(conversationRoom(conversationId)).emit('message', message),
    typing: (conversationId, typing) => nsp.to(conversationRoom(conversationId)).emit('typing', { role: 'bot', typing }),
  };
}

function prepareStore(config: Config, deps: Partial<AppDeps>, logger: Logger): Store {
  const store = openStore({ file: config.SHOPKEEP_DB, clock: deps.clock, ids: deps.ids, synchronous: config.SHOPKEEP_DB_SYNCHRONOUS,
    transcriptFilter: config.SHOPKEEP_REDACT_TRANSCRIPTS ? redactPii : undefined,
  });
  if (config.SHOPKEEP_DEMO && store.isEmpty()) {
    const counts = loadDemoShop(store, { now: (deps.clock ?? { now: Date.now }).now() });
    logger.info(counts, 'demo shop loaded');
  }
  // Shipping zones and payment records the shop skills read; adds only what is missing.
  if (config.SHOPKEEP_DEMO) seedShopSkills(store);
  return store;
}

/**
 * Builds the whole server (store, NLU, bot, REST API, Socket.IO namespaces) without listening.
 *
 * @example
 * const shop = await createApp(loadConfig());
 * await shop.listen(3000, '0.0.0.0');
 */
export async function createApp(config: Config, deps: Partial<AppDeps> = {}): Promise<ShopkeepApp> {
  checkChannelConfig(config);
  const logger = deps.logger ?? createLogger(config.LOG_LEVEL);
  const store = prepareStore(config, deps, logger);
  // The manager retrains the NLU from the dashboard (issue 8): new turns use the newest model, kept across restarts.
  const nlu = new SwappableNlu(deps.nlu ?? (await startingNlu(retrainedModelDir(config.SHOPKEEP_DB), store.products.all().map((p) => ({ id: p.id, name: p.name })))));
  const nluTrainer = new NluTrainer(nlu, { dir: retrainedModelDir(config.SHOPKEEP_DB), catalog: () => store.products.all() });
  const agentConsole = await createAgentConsole(config, store, logger, deps.clock ?? { now: Date.now });
  // Coupon offers (issue 6): proactive messages go through the handoff service, stored first.
  const offers = createOfferService(config, store, (id, message) => void agentConsole.handoffs.post(id, message), deps.clock ?? { now: Date.now }, logger);
  const recommendations = new RecommendationService(store, { onError: (err) => logger.error({ err }, 'recommender rebuild failed') });
  const bot = new ShopBot({
    nlu,
    store,
    conversationState: new StoredConversationState(store),
    hooks: [agentConsole.hook],
    skills: [...SKILLS, recommendationsSkill(recommendations)],
  });
  // One turn pipeline for the widget, Bot Framework and webhook channels.
  const turns = new TurnPipeline(store, bot);
  const messaging = createMessagingChannels(config, store, turns, logger, deps.clock ?? { now: Date.now });
  let ready = false;

  const app = express();
  app.disable('x-powered-by');
  // Security first: headers on every response, CORS and origin checks, per-IP limits on the API.
  const origins = new OriginPolicy(config.SHOPKEEP_ALLOWED_ORIGINS);
  app.set('trust proxy', config.SHOPKEEP_TRUST_PROXY);
  app.use(securityHeaders(), origins.corsMiddleware());
  app.use('/api', requestLimit(abuseLimitsOf(config), deps.clock ?? { now: Date.now }, { skip: MACHINE_ROUTES }));
  app.use(shopApi(store, config.SHOPKEEP_SHOP_API_KEY, { onCatalogChanged: () => nlu.setCatalog(store.products.all()),
    onOrderEvent: (event, outcome) => { const coupon = redemptionFromOrderEvent(store, event, outcome); return coupon && { coupon }; } }));
  app.use(messaging.rawRouter);
  app.use(express.json({ limit: `${config.SHOPKEEP_MAX_BODY_KB}kb` }));
  app.use(messaging.router);
  app.use(publicApi(store, () => ready));
  app.use(recommendationsApi(store, recommendations));
  app.use(agentConsole.router);
  app.use(managerApi({ store, auth: agentConsole.auth, trainer: nluTrainer, now: (deps.clock ?? { now: Date.now }).now }));
  app.use(offersApi({ store, auth: agentConsole.auth, offers, clock: deps.clock ?? { now: Date.now }, attributionDays: config.SHOPKEEP_OFFER_ATTRIBUTION_DAYS }));
  app.use(express.static(deps.webRoot ?? defaultWebRoot(), { index: 'index.html' }));
  app.use(notFound);
  app.use(errorMiddleware(logger));

  const httpServer = http.createServer(app);
  const io = new Server(httpServer, {
    maxHttpBufferSize: config.SHOPKEEP_MAX_SOCKET_PAYLOAD_KB * 1024,
    serveClient: false,
    allowRequest: origins.socketAllowRequest(),
    cors: origins.socketCors(),
  });
  // One Server carries several namespaces with their own event maps; each is typed where it is made.
  const shopperNamespace = io.of('/shopper') as unknown as ShopperNamespace;
  guardShopperNamespace(shopperNamespace, abuseLimitsOf(config), deps.clock ?? { now: Date.now });
  const channel = new ShopperChannel(
    store,
    bot,
    socketOutbox(shopperNamespace),
    (err, conversationId) => logger.error({ err, conversationId }, 'bot turn failed'),
    turns,
  );
  attachShopperNamespace(shopperNamespace, channel, (sessionId, event) => {
    const pageType = event.pageType ?? (event.productId ? 'product' : undefined);
    const id = store.sessions.recordEvent({ sessionId, ...event, pageType });
    if (id !== undefined) offers?.onTrackEvent(sessionId);
    if (id !== undefined) recommendations.record({ sessionId, customerId: store.sessions.findById(sessionId)?.customerId }, event.type, event.productId);
    return id === undefined ? undefined : String(id);
  }, logger);
  const clock = deps.clock ?? { now: Date.now };
  const rebuilds = recommenderRebuilds(recommendations, config.SHOPKEEP_RECOMMENDER_REBUILD_MINUTES);
  agentConsole.attach(io, shopperNamespace);
  const retention = new RetentionSweeper(store, clock, { days: config.SHOPKEEP_RETENTION_DAYS, intervalMs: config.SHOPKEEP_RETENTION_SWEEP_MINUTES * 60_000 });
  retention.start((err) => logger.error({ err }, 'retention sweep failed'), (purged) => logger.info({ purged }, 'old conversations purged'));
  agentConsole.delivery.register('botframework', messaging.senders.botframework);
  if (messaging.senders.webhook) agentConsole.delivery.register('webhook', messaging.senders.webhook);
  const resumed =
    channel.resumeUnanswered(new Date(clock.now() - RESUME_WINDOW_MS).toISOString()) +
    messaging.resumeUnanswered(new Date(clock.now() - RESUME_WINDOW_MS).toISOString());
  if (resumed > 0) logger.info({ resumed }, 'answering messages stored before the last stop');

  return {
    app,
    httpServer,
    io,
    store,
    logger,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          ready = true;
          agentConsole.announce(httpServer.address() as AddressInfo);
          offers?.start();
          rebuilds.start();
          messaging.start(httpServer.address() as AddressInfo);
          resolve(httpServer.address() as AddressInfo);
        });
      }),
    close: async () => {
      ready = false;
      agentConsole.stop();
      offers?.stop();
      rebuilds.stop();
      retention.stop();
      // socket.io's close also closes the HTTP server; running turns finish before the store closes.
      const closed = new Promise<void>((resolve) => io.close(() => resolve()));
      // Browsers keep idle HTTP connections open; without this the close waits for them.
      httpServer.closeIdleConnections();
      await closed;
      await messaging.stop();
      await channel.drain();
      store.close();
    },
  };
}
