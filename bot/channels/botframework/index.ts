export { BotFrameworkChannel, shopLocale, type BotFrameworkCredentials } from './botframework-channel';
export { BOT_FRAMEWORK_ACTIVITY, type InboundActivity } from './activity-schema';
export { toBotFrameworkCards } from './cards';
