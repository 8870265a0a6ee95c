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

/**
 * Builds the outside channels over the shared turn pipeline: Bot Framework always (auth from
 * `MicrosoftApp*`), the webhook when `SHOPKEEP_WEBHOOK_SECRET` is set, the Direct Line emulation
 * when `SHOPKEEP_DIRECTLINE=1`. Bad combinations fail fast naming the variable.
 */
export function createMessagingChannels(config: Config, store: Store, pipeline: TurnPipeline, logger: Logger, clock: Clock): MessagingChannels {
  checkChannelConfig(config);
  const onTurnError = (err: unknown, conversationId: string): void => logger.error({ err, conversationId }, 'bot turn failed');
  const botFramework = new BotFrameworkChannel(store, pipeline, {
    appId: config.MicrosoftAppId,
    appPassword: config.MicrosoftAppPassword,
    appTenantId: config.MicrosoftAppTenantId,
    appType: config.MicrosoftAppType,
  }, onTurnError);
  const rawRouter = Router();
  const router = Router();
  router.use(botFrameworkApi(botFramework));
  let base = 'http://127.0.0.1:0';
  if (config.SHOPKEEP_DIRECTLINE) {
    const emulation = new DirectLineEmulation({ botEndpoint: () => `${base}/api/messages`, serviceUrl: () => `${base}/directline/` });
    router.use('/directline', emulation.router());
  }
  const senders: MessagingChannels['senders'] = {
    botframework: { send: (c, m) => void botFramework.send(c, m).catch((err: unknown) => onTurnError(err, c.id)) },
  };
  let worker: WebhookOutboxWorker | undefined;
  let webhook: WebhookChannel | undefined;
  if (config.SHOPKEEP_WEBHOOK_SECRET) {
    const channel = new WebhookChannel(store, pipeline, onTurnError);
    const outbox = webhookWorker(config, store, clock, logger);
    const onError = (err: unknown): void => logger.error({ err }, 'webhook delivery sweep failed');
    channel.onEnqueue(() => outbox.poke(onError));
    rawRouter.use(webhookApi(channel, { secret: config.SHOPKEEP_WEBHOOK_SECRET, toleranceSeconds: config.SHOPKEEP_WEBHOOK_TOLERANCE_SECONDS, clock }));
    senders.webhook = channel;
    webhook = channel;
    worker = outbox;
  }
  return {
    rawRouter,
    router,
    senders,
    resumeUnanswered: (sinceIso) => webhook?.resumeUnanswered(sinceIso) ?? 0,
    start(address) {
      base = `http://127.0.0.1:${address.port}`;
      worker?.start(config.SHOPKEEP_WEBHOOK_SWEEP_SECONDS * 1000, (err) => logger.error({ err }, 'webhook delivery sweep failed'));
    },
    stop: async () => worker?.stop(),
  };
}
