export { openStore, type Store, type StoreOptions } from './store';
export { MIGRATIONS, migrate, type Migration } from './migrations';
export { SYSTEM_CLOCK, randomIds, sequentialIds, isoNow, type Clock, type IdGenerator } from './clock';
export { StaleStateError, type StateDocument } from './bot-state-repository';
export type { NewMessage } from './conversations-repository';
export type { NewEvent } from './sessions-repository';
export type { ProductQuery } from './products-repository';
export * from './types';
