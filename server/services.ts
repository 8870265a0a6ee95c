import { RecommendationService, SKILLS, ShopBot, StoredConversationState, TurnPipeline, recommendationsSkill } from '../bot';
import { loadDemoShop } from '../data';
import type { Nlu } from '../nlu';
import { openStore, seedShopSkills, type Clock, type IdGenerator, type Store } from '../store';
import { createAgentConsole, type AgentConsole } from './agent-console';
import type { Config } from './config';
import type { Logger } from './logger';
import { createMessagingChannels, type MessagingChannels } from './messaging-channels';
import { startNluService, type NluService, type NluTrainer, type SwappableNlu } from './nlu-training';
import { createOfferService } from './offers-api';
import { redactPii } from './privacy';
import { WalCheckpointer } from './wal-checkpointer';

/** Things tests (and embedders) may replace. */
export interface AppDeps {
  logger: Logger;
  clock: Clock;
  ids: IdGenerator;
  nlu: Nlu;
  /** Folder of the built web assets (storefront, widget). @default '<project>/dist/web' */
  webRoot: string;
}

/** The product's services, wired together but not yet exposed over HTTP or sockets. */
export interface Services {
  logger: Logger;
  store: Store;
  clock: Clock;
  nlu: SwappableNlu;
  nluTrainer: NluTrainer;
  /** The store's WAL checkpoints on a worker thread (undefined: SQLite's own); `close()` it on shutdown. */
  checkpointer: WalCheckpointer | undefined;
  /** The NLU with its trainer and encoder; `close()` it on shutdown. */
  nluService: NluService;
  agentConsole: AgentConsole;
  offers: ReturnType<typeof createOfferService>;
  recommendations: RecommendationService;
  bot: ShopBot;
  /** One turn pipeline for the widget, Bot Framework and webhook channels (one queue per conversation). */
  turns: TurnPipeline;
  messaging: MessagingChannels;
}

function prepareStore(config: Config, deps: Partial<AppDeps>, clock: Clock, logger: Logger): Store {
  const store = openStore({ file: config.SHOPKEEP_DB, clock: deps.clock, ids: deps.ids, synchronous: config.SHOPKEEP_DB_SYNCHRONOUS,
    transcriptFilter: config.SHOPKEEP_REDACT_TRANSCRIPTS ? redactPii : undefined,
  });
  if (config.SHOPKEEP_DEMO && store.isEmpty()) {
    const counts = loadDemoShop(store, { now: clock.now() });
    logger.info(counts, 'demo shop loaded');
  }
  // Shipping zones and payment records the shop skills read; adds only what is missing.
  if (config.SHOPKEEP_DEMO) seedShopSkills(store);
  return store;
}

/** Moves the store's WAL checkpoints to a worker thread (SHOPKEEP_DB_CHECKPOINT=thread, a database file). */
async function startCheckpointer(config: Config, store: Store, logger: Logger): Promise<WalCheckpointer | undefined> {
  if (config.SHOPKEEP_DB_CHECKPOINT !== 'thread') return undefined;
  const onFailure = (err: Error): void => logger.error({ err }, 'WAL checkpoint thread failed; SQLite checkpoints on the main thread again');
  try {
    return await WalCheckpointer.start(store.db, { onFailure });
  } catch (err) {
    logger.error({ err }, 'WAL checkpoint thread did not start; SQLite checkpoints on the main thread');
    return undefined;
  }
}

/**
 * Opens the store (migrated; the demo shop loaded when asked and empty) and builds the NLU, the
 * agent console, coupon offers, the recommender, the bot and the messaging channels on it.
 */
export async function createServices(config: Config, deps: Partial<AppDeps>, logger: Logger): Promise<Services> {
  const clock = deps.clock ?? { now: Date.now };
  const store = prepareStore(config, deps, clock, logger);
  const checkpointer = await startCheckpointer(config, store, logger);
  // The manager retrains the NLU from the dashboard: new turns use the newest model, kept across restarts.
  // With NLU_ENCODER, the sentence encoder is loaded and a model trained with it served.
  const nluService = await startNluService({ config, catalog: () => store.products.all(), assignments: () => store.analytics.assignments(), logger, ...(deps.nlu ? { nlu: deps.nlu } : {}) });
  const { nlu, trainer: nluTrainer } = nluService;
  const agentConsole = await createAgentConsole(config, store, logger, clock);
  // Proactive coupon messages go through the handoff service, stored first.
  const offers = createOfferService(config, store, (id, message) => void agentConsole.handoffs.post(id, message), clock, logger);
  const recommendations = new RecommendationService(store, { onError: (err) => logger.error({ err }, 'recommender rebuild failed') });
  const bot = new ShopBot({
    nlu,
    store,
    conversationState: new StoredConversationState(store),
    hooks: [agentConsole.hook],
    skills: [...SKILLS, recommendationsSkill(recommendations)],
  });
  const turns = new TurnPipeline(store, bot);
  const messaging = createMessagingChannels(config, store, turns, logger, clock);
  agentConsole.delivery.register('botframework', messaging.senders.botframework);
  if (messaging.senders.webhook) agentConsole.delivery.register('webhook', messaging.senders.webhook);
  return { logger, store, clock, checkpointer, nlu, nluTrainer, nluService, agentConsole, offers, recommendations, bot, turns, messaging };
}
