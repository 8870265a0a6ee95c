import path from 'node:path';
import express, { type Express } from 'express';
import { publicApi } from './api';
import type { Config } from './config';
import { errorMiddleware, notFound } from './errors';
import { managerApi } from './manager-api';
import { offersApi, redemptionFromOrderEvent } from './offers-api';
import { recommendationsApi } from './recommendations-api';
import { OriginPolicy, abuseLimitsOf, requestLimit, securityHeaders } from './security';
import type { AppDeps, Services } from './services';
import { shopApi } from './shop-api';

/** API routes that authenticate a machine (a key, a signature) and are not limited per IP address. */
const MACHINE_ROUTES = ['/api/shop/', '/api/messages', '/api/webhook'] as const;

/** The project folder, whether this runs from `server/` (tests) or `dist/server/` (built). */
function projectRoot(): string {
  const up = path.resolve(__dirname, '..');
  return path.basename(up) === 'dist' ? path.resolve(up, '..') : up;
}

/**
 * The express app: security middleware first (headers, CORS and origin checks, per-IP limits),
 * then the routers of every feature, the built web pages, and one JSON error handler.
 *
 * @param isReady whether the server accepts chats yet (`/healthz`)
 */
export function createHttpApp(config: Config, services: Services, deps: Partial<AppDeps>, isReady: () => boolean): Express {
  const { store, nlu, nluTrainer, agentConsole, offers, recommendations, messaging, clock } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.SHOPKEEP_TRUST_PROXY);
  app.use(securityHeaders(), new OriginPolicy(config.SHOPKEEP_ALLOWED_ORIGINS).corsMiddleware());
  app.use('/api', requestLimit(abuseLimitsOf(config), clock, { skip: MACHINE_ROUTES }));
  app.use(shopApi(store, config.SHOPKEEP_SHOP_API_KEY, {
    onCatalogChanged: () => nlu.setCatalog(store.products.all()),
    onOrderEvent: (event, outcome) => {
      const coupon = redemptionFromOrderEvent(store, event, outcome);
      return coupon && { coupon };
    },
  }));
  // Signed webhooks need the raw body: their router runs before the JSON parser.
  app.use(messaging.rawRouter);
  app.use(express.json({ limit: `${config.SHOPKEEP_MAX_BODY_KB}kb` }));
  app.use(messaging.router);
  app.use(publicApi(store, isReady));
  app.use(recommendationsApi(store, recommendations));
  app.use(agentConsole.router);
  app.use(managerApi({ store, auth: agentConsole.auth, trainer: nluTrainer, now: clock.now }));
  app.use(offersApi({ store, auth: agentConsole.auth, offers, clock, attributionDays: config.SHOPKEEP_OFFER_ATTRIBUTION_DAYS }));
  app.use(express.static(deps.webRoot ?? path.join(projectRoot(), 'dist', 'web'), { index: 'index.html' }));
  app.use(notFound);
  app.use(errorMiddleware(services.logger));
  return app;
}
