import type { AddressInfo } from 'node:net';
import type { Router } from 'express';
import type { Server } from 'socket.io';
import { ConversationDelivery, HandoffHook, HandoffService, HandoffSweeper, type InsightsProvider } from '../bot';
import type { Clock, Store } from '../store';
import { loadDefaultPropensityModel } from '../models';
import { agentApi } from './agent-api';
import { propensityInsights } from './agent-insights';
import { attachAgentNamespace, forwardShopperTyping, widgetSender, type AgentNamespace } from './agent-socket';
import { ConsoleAuth, DEMO_USERS, ensureDemoUsers } from './auth';
import type { Config } from './config';
import type { Logger } from './logger';
import type { ShopperNamespace } from './shopper-socket';

/** Where the console page is served (built by scripts/build-web.js into dist/web/console/). */
export const CONSOLE_PATH = '/console/';

/** Human handoff and the agent console, wired for `createApp`. */
export interface AgentConsole {
  auth: ConsoleAuth;
  handoffs: HandoffService;
  delivery: ConversationDelivery;
  /** The bot's turn hook (silence while humans own a conversation; opening handoffs). */
  hook: HandoffHook;
  /** `/api/agent/*`. */
  router: Router;
  /** Attaches `/agent`, the widget's delivery and its typing relay. */
  attach(io: Server, shopper: ShopperNamespace): void;
  /** Logs the console's address (and the demo sign-in) once listening. */
  announce(address: AddressInfo): void;
  /** Stops the SLA sweeper and the event relay. */
  stop(): void;
}

/** Purchase likelihood from the shipped model; none (a labelled empty state) if it cannot load. */
function defaultInsights(store: Store, logger: Logger, clock: Clock): InsightsProvider | undefined {
  try {
    return propensityInsights(store, loadDefaultPropensityModel(), clock);
  } catch (err) {
    logger.warn({ err }, 'purchase model not loaded; the console shows no purchase likelihood');
    return undefined;
  }
}

/**
 * Builds the handoff service, auth and console routes. On start every agent is offline (no
 * console is connected to a new process) and the sweeper runs at once, so deadlines that passed
 * while the server was down are applied now.
 */
export async function createAgentConsole(config: Config, store: Store, logger: Logger, clock: Clock, insights?: InsightsProvider): Promise<AgentConsole> {
  const shopperInsights = insights ?? defaultInsights(store, logger, clock);
  const auth = new ConsoleAuth(store, clock, {
    sessionTtlMs: config.SHOPKEEP_SESSION_TTL_HOURS * 3_600_000,
    secureCookies: config.SHOPKEEP_SECURE_COOKIES,
    throttle: { maxFailures: config.SHOPKEEP_LOGIN_MAX_FAILURES, windowMs: config.SHOPKEEP_LOGIN_WINDOW_MINUTES * 60_000 },
  });
  const delivery = new ConversationDelivery(store);
  const handoffs = new HandoffService(store, delivery, clock, {
    queueTimeoutMs: config.SHOPKEEP_HANDOFF_QUEUE_TIMEOUT_SECONDS * 1000,
    idleTimeoutMs: config.SHOPKEEP_HANDOFF_IDLE_TIMEOUT_SECONDS * 1000,
    transferTimeoutMs: config.SHOPKEEP_HANDOFF_TRANSFER_TIMEOUT_SECONDS * 1000,
    offlineGraceMs: config.SHOPKEEP_HANDOFF_OFFLINE_GRACE_SECONDS * 1000,
    autoAssign: config.SHOPKEEP_HANDOFF_AUTO_ASSIGN,
    defaultHandleMs: 300_000,
  });
  const demoCreated =
    config.SHOPKEEP_DEMO &&
    (await ensureDemoUsers(store, { agent: config.SHOPKEEP_DEMO_AGENT_PASSWORD, manager: config.SHOPKEEP_DEMO_MANAGER_PASSWORD }));
  if (demoCreated) logger.info({ agent: DEMO_USERS.agent.email, manager: DEMO_USERS.manager.email }, 'demo console users created');
  store.users.markAllOffline();
  const sweeper = new HandoffSweeper(handoffs, clock);
  sweeper.start({ intervalMs: config.SHOPKEEP_HANDOFF_SWEEP_SECONDS * 1000, onError: (err) => logger.error({ err }, 'handoff sweep failed') });
  let unsubscribe = (): void => undefined;
  return {
    auth,
    handoffs,
    delivery,
    hook: new HandoffHook(handoffs),
    router: agentApi({ store, auth, handoffs, insights: shopperInsights }),
    attach(io, shopper) {
      delivery.register('widget', widgetSender(shopper));
      forwardShopperTyping(shopper, handoffs);
      // One Server carries several namespaces with their own event maps; each is typed where it is made.
      const detach = attachAgentNamespace(io.of('/agent') as unknown as AgentNamespace, auth, handoffs, logger);
      unsubscribe = () => void detach();
    },
    announce(address) {
      const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address;
      const demo = config.SHOPKEEP_DEMO ? ` (demo sign-in: ${DEMO_USERS.agent.email}, password from SHOPKEEP_DEMO_AGENT_PASSWORD)` : '';
      logger.info({ consoleUrl: `http://${host}:${address.port}${CONSOLE_PATH}` }, `Agent console: http://${host}:${address.port}${CONSOLE_PATH}${demo}`);
    },
    stop() {
      sweeper.stop();
      unsubscribe();
    },
  };
}
