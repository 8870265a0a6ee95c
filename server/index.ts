export { createApp, type AppDeps, type ShopkeepApp } from './app';
export { loadConfig, CONFIG_SCHEMA, ConfigError, type Config } from './config';
export { createLogger, type Logger } from './logger';
export { HttpError } from './errors';
export { MAX_MESSAGE_LENGTH } from './shopper-socket';
export { main as runCli } from './cli';
export type * from './events';
