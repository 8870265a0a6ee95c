export { ShopBot, type ShopBotDeps } from './shop-bot';
export { SqliteStorage } from './sqlite-storage';
export { KeyedQueue } from './keyed-queue';
export { textsFor, type ReplyTexts } from './texts';
export { ShopperChannel, type ShopperConnection, type TurnErrorReporter } from './channels/socket/shopper-channel';
export { ShopperSocketAdapter, type ShopperOutbox, WIDGET_CHANNEL_ID, BOT_ACCOUNT } from './channels/socket/shopper-adapter';
export { toChatMessage, PRODUCT_CARDS_CONTENT_TYPE, COUPON_CONTENT_TYPE } from './channels/socket/chat-message';
export type * from './channels/socket/events';
