import { createApp } from './app';
import { ConfigError, loadConfig } from './config';

/** How long a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function start(): Promise<void> {
  const config = loadConfig();
  const shop = await createApp(config);
  const address = await shop.listen(config.PORT, config.HOST);
  const shown = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address;
  shop.logger.info({ port: address.port }, `Shopkeep is up: open http://${shown}:${address.port}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    shop.logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    shop.close().then(
      () => process.exit(0),
      (err: unknown) => {
        shop.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

start().catch((err: unknown) => {
  const message = err instanceof ConfigError ? err.message : (err as Error).stack ?? String(err);
  process.stderr.write(`shopkeep: ${message}\n`);
  process.exit(1);
});
