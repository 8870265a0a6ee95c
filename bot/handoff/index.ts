export { HANDOFF_CONFIDENCE, HandoffHook, parseRating, humansOwnConversation, triggerOf } from './handoff-hook';
export {
  HandoffService,
  HandoffError,
  DEFAULT_HANDOFF_SETTINGS,
  teamFor,
  type HandoffSettings,
  type HandoffRequest,
} from './handoff-service';
export { HandoffSweeper, type SweepResult, type SweeperOptions } from './sweeper';
export { ConversationDelivery, type ChannelSender, type OutgoingMessage } from './delivery';
export { HandoffEvents, type HandoffEvent, type HandoffListener } from './events';
export { routeHandoff, pickAgent, estimateWait, type RoutingView, type WaitEstimate } from './routing';
export { detectFrustration, similarity, DEFAULT_FRUSTRATION, type FrustrationOptions, type FrustrationSignal } from './frustration';
export { summarise } from './summary';
export {
  canTransition,
  sourcesOf,
  isFinal,
  humansOwn,
  assertTransition,
  HandoffTransitionError,
  END_REASONS,
  type EndReason,
} from './state-machine';
export {
  conversationView,
  queueView,
  cartOf,
  type ConversationView,
  type QueueItem,
  type CartLine,
  type ShopperInsights,
  type InsightsProvider,
  type RecommendedProduct,
} from './agent-view';
