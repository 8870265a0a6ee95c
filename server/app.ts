import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Server } from 'socket.io';
import type { RecommendationService } from '../bot';
import type { Store } from '../store';
import type { Config } from './config';
import { createHttpApp } from './http-app';
import { createLogger, type Logger } from './logger';
import { checkChannelConfig } from './messaging-channels';
import { RetentionSweeper } from './privacy';
import { attachRealtime } from './realtime';
import { createServices, type AppDeps } from './services';

export type { AppDeps } from './services';

/** Messages stored but unanswered when the server stopped are answered on start if this recent. */
const RESUME_WINDOW_MS = 30 * 60 * 1000;

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

/**
 * Builds the whole server (store, NLU, bot, REST API, Socket.IO namespaces) without listening.
 * Background work (offers, recommender rebuilds, webhook delivery) starts with `listen`; turns
 * stored but left unanswered by the last stop are queued right away.
 *
 * @example
 * const shop = await createApp(loadConfig());
 * await shop.listen(3000, '0.0.0.0');
 */
export async function createApp(config: Config, deps: Partial<AppDeps> = {}): Promise<ShopkeepApp> {
  checkChannelConfig(config);
  const logger = deps.logger ?? createLogger(config.LOG_LEVEL);
  const services = await createServices(config, deps, logger);
  const { store, clock, agentConsole, offers, recommendations, messaging } = services;
  let ready = false;
  const app = createHttpApp(config, services, deps, () => ready);
  const httpServer = http.createServer(app);
  const { io, channel } = attachRealtime(httpServer, config, services);
  const rebuilds = recommenderRebuilds(recommendations, config.SHOPKEEP_RECOMMENDER_REBUILD_MINUTES);
  const retention = new RetentionSweeper(store, clock, { days: config.SHOPKEEP_RETENTION_DAYS, intervalMs: config.SHOPKEEP_RETENTION_SWEEP_MINUTES * 60_000 });
  retention.start((err) => logger.error({ err }, 'retention sweep failed'), (purged) => logger.info({ purged }, 'old conversations purged'));
  const since = new Date(clock.now() - RESUME_WINDOW_MS).toISOString();
  const resumed = channel.resumeUnanswered(since) + messaging.resumeUnanswered(since);
  if (resumed > 0) logger.info({ resumed }, 'answering messages stored before the last stop');

  const listen = (port: number, host: string): Promise<AddressInfo> =>
    new Promise((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, host, () => {
        const address = httpServer.address() as AddressInfo;
        ready = true;
        agentConsole.announce(address);
        offers?.start();
        rebuilds.start();
        messaging.start(address);
        resolve(address);
      });
    });
  const close = async (): Promise<void> => {
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
    await services.nluService.close();
    await services.checkpointer?.close();
    store.close();
  };
  return { app, httpServer, io, store, logger, listen, close };
}
