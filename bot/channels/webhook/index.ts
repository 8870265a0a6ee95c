export { WebhookChannel, type WebhookReceipt, type OutboxListener } from './webhook-channel';
export { WebhookOutboxWorker, DEFAULT_DELIVERY_POLICY, backoffMs, type DeliveryPolicy, type DeliverySweep } from './outbox-worker';
export { signature, verifySignature, TIMESTAMP_HEADER, SIGNATURE_HEADER, DELIVERY_HEADER, type SignatureCheck, type SignedRequest } from './signature';
export { INBOUND_WEBHOOK_MESSAGE, outboundBody, type InboundWebhookMessage, type OutboundWebhookMessage } from './webhook-message';
