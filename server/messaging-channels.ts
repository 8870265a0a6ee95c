import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import { BotFrameworkChannel, WebhookChannel, WebhookOutboxWorker, type TurnPipeline } from '../bot';
import type { Clock, Conversation, Store, StoredMessage } from '../store';
import { botFrameworkApi } from './botframework-api';
import { ConfigError, type Config } from './config';
import { DirectLineEmulation } from './directline';
import type { Logger } from './logger';
import { webhookApi } from './webhook-api';

/** Sends a stored message to a shopper on one channel (matches the handoff's `ChannelSender`). */
export interface MessageSender {
  send(conversation: Conversation, message: StoredMessage): void;
}

/** The Bot Framework and webhook channels (and the Direct Line emulation), wired for `createApp`. */
export interface MessagingChannels {
  /** Routes that read the raw body (the webhook's signature): mount before `express.json()`. */
  rawRouter: Router;
  /** `/api/messages` and, when enabled, `/directline`. */
  router: Router;
  /** Senders for agents' and other messages outside turns, per channel. */
  senders: { botframework: MessageSender; webhook?: MessageSender };
  /** Answers webhook messages stored but unanswered when the server stopped. @returns how many */
  resumeUnanswered(sinceIso: string): number;
  /** Starts the outbox worker and points the emulation at the bound address. */
  start(address: AddressInfo): void;
  /** Stops the outbox worker. */
  stop(): Promise<void>;
}

/** Refuses combinations of channel settings that cannot work, naming the variable (call before anything opens). */
export function checkChannelConfig(config: Config): void {
  if (config.SHOPKEEP_WEBHOOK_SECRET && !config.SHOPKEEP_WEBHOOK_CALLBACK_URL) {
    throw new ConfigError('invalid SHOPKEEP_WEBHOOK_CALLBACK_URL: required when SHOPKEEP_WEBHOOK_SECRET is set');
  }
  if (config.SHOPKEEP_DIRECTLINE && config.MicrosoftAppId) {
    throw new ConfigError('invalid SHOPKEEP_DIRECTLINE: the local Direct Line emulation needs MicrosoftAppId empty (no auth)');
  }
}

function webhookWorker(config: Config, store: Store, clock: Clock, logger: Logger): WebhookOutboxWorker {
  return new WebhookOutboxWorker(
    store,
    {
      callbackUrl: config.SHOPKEEP_WEBHOOK_CALLBACK_URL,
      secret: config.SHOPKEEP_WEBHOOK_SECRET,
      maxAttempts: config.SHOPKEEP_WEBHOOK_MAX_ATTEMPTS,
      baseDelayMs: config.SHOPKEEP_WEBHOOK_RETRY_BASE_SECONDS * 1000,
      maxDelayMs: config.SHOPKEEP_WEBHOOK_RETRY_MAX_SECONDS * 1000,
      timeoutMs: config.SHOPKEEP_WEBHOOK_TIMEOUT_SECONDS * 1000,
      batchSize: 50,
    },
    clock,
    fetch,
    (delivery, error) =>
      logger.warn({ deliveryId: delivery.id, conversationId: delivery.conversationId, error }, 'webhook delivery dead-lettered (shopkeep webhook retry --id to send it again)'),
  );
}

interface ChannelDeps {
  store: Store;
  pipeline: TurnPipeline;
  logger: Logger;
  clock: Clock;
  onTurnError: (err: unknown, conversationId: string) => void;
}

/** The webhook channel with its outbox worker and inbound route, when the secret is set. */
function webhookParts(config: Config, deps: ChannelDeps): { channel: WebhookChannel; worker: WebhookOutboxWorker; router: Router } | undefined {
  if (!config.SHOPKEEP_WEBHOOK_SECRET) return undefined;
  const channel = new WebhookChannel(deps.store, deps.pipeline, deps.onTurnError);
  const worker = webhookWorker(config, deps.store, deps.clock, deps.logger);
  const onError = (err: unknown): void => deps.logger.error({ err }, 'webhook delivery sweep failed');
  // A queued reply goes out at once; the interval sweep only handles retries and restarts.
  channel.onEnqueue(() => worker.poke(onError));
  const options = { secret: config.SHOPKEEP_WEBHOOK_SECRET, toleranceSeconds: config.SHOPKEEP_WEBHOOK_TOLERANCE_SECONDS, clock: deps.clock };
  return { channel, worker, router: webhookApi(channel, options) };
}

function botFrameworkChannel(config: Config, deps: ChannelDeps): BotFrameworkChannel {
  const credentials = {
    appId: config.MicrosoftAppId,
    appPassword: config.MicrosoftAppPassword,
    appTenantId: config.MicrosoftAppTenantId,
    appType: config.MicrosoftAppType,
  };
  return new BotFrameworkChannel(deps.store, deps.pipeline, credentials, deps.onTurnError);
}

/**
 * Builds the outside channels over the shared turn pipeline: Bot Framework always (auth from
 * `MicrosoftApp*`), the webhook when `SHOPKEEP_WEBHOOK_SECRET` is set, the Direct Line emulation
 * when `SHOPKEEP_DIRECTLINE=1`. Bad combinations fail fast naming the variable.
 */
export function createMessagingChannels(config: Config, store: Store, pipeline: TurnPipeline, logger: Logger, clock: Clock): MessagingChannels {
  checkChannelConfig(config);
  const onTurnError = (err: unknown, conversationId: string): void => logger.error({ err, conversationId }, 'bot turn failed');
  const deps: ChannelDeps = { store, pipeline, logger, clock, onTurnError };
  const botFramework = botFrameworkChannel(config, deps);
  const webhook = webhookParts(config, deps);
  const rawRouter = Router();
  if (webhook) rawRouter.use(webhook.router);
  const router = Router();
  router.use(botFrameworkApi(botFramework));
  // The emulation reaches the bot over loopback HTTP, at the port known once listening.
  let base = 'http://127.0.0.1:0';
  if (config.SHOPKEEP_DIRECTLINE) {
    const emulation = new DirectLineEmulation({ botEndpoint: () => `${base}/api/messages`, serviceUrl: () => `${base}/directline/` });
    router.use('/directline', emulation.router());
  }
  return {
    rawRouter,
    router,
    senders: {
      botframework: { send: (c, m) => void botFramework.send(c, m).catch((err: unknown) => onTurnError(err, c.id)) },
      webhook: webhook?.channel,
    },
    resumeUnanswered: (sinceIso) => webhook?.channel.resumeUnanswered(sinceIso) ?? 0,
    start(address) {
      base = `http://127.0.0.1:${address.port}`;
      webhook?.worker.start(config.SHOPKEEP_WEBHOOK_SWEEP_SECONDS * 1000, (err) => logger.error({ err }, 'webhook delivery sweep failed'));
    },
    stop: async () => webhook?.worker.stop(),
  };
}
