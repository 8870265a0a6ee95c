export { TurnPipeline, persistReplies, storedReplyOf, type TurnErrorReporter } from './turn-pipeline';
export { activityOfMessage, payloadOf, PRODUCT_CARDS_CONTENT_TYPE, COUPON_CONTENT_TYPE } from './attachments';
export { linkChannelUser, type ChannelUser } from './channel-users';
