import type http from 'node:http';
import { Server } from 'socket.io';
import { ShopperChannel, type ShopperOutbox } from '../bot';
import type { Config } from './config';
import { OriginPolicy, abuseLimitsOf, guardShopperNamespace } from './security';
import type { Services } from './services';
import { attachShopperNamespace, conversationRoom, type ShopperNamespace } from './shopper-socket';

/** The Socket.IO side of the server: the `/shopper` widget channel and the agent console's `/agent`. */
export interface Realtime {
  io: Server;
  channel: ShopperChannel;
}

function socketOutbox(nsp: ShopperNamespace): ShopperOutbox {
  return {
    deliver: (conversationId, message) => nsp.to(conversationRoom(conversationId)).emit('message', message),
    typing: (conversationId, typing) => nsp.to(conversationRoom(conversationId)).emit('typing', { role: 'bot', typing }),
  };
}

/**
 * Attaches Socket.IO to the HTTP server: origin checks and payload limits on every connection,
 * abuse limits on `/shopper`, the widget channel on the shared turn pipeline, and the tracker's
 * events feeding offers and the recommender.
 */
export function attachRealtime(httpServer: http.Server, config: Config, services: Services): Realtime {
  const { store, bot, turns, offers, recommendations, agentConsole, clock, logger } = services;
  const origins = new OriginPolicy(config.SHOPKEEP_ALLOWED_ORIGINS);
  const io = new Server(httpServer, {
    maxHttpBufferSize: config.SHOPKEEP_MAX_SOCKET_PAYLOAD_KB * 1024,
    serveClient: false,
    allowRequest: origins.socketAllowRequest(),
    cors: origins.socketCors(),
  });
  // One Server carries several namespaces with their own event maps; each is typed where it is made.
  const shopperNamespace = io.of('/shopper') as unknown as ShopperNamespace;
  guardShopperNamespace(shopperNamespace, abuseLimitsOf(config), clock);
  const onTurnError = (err: unknown, conversationId: string): void => logger.error({ err, conversationId }, 'bot turn failed');
  const channel = new ShopperChannel(store, bot, socketOutbox(shopperNamespace), onTurnError, turns);
  attachShopperNamespace(shopperNamespace, channel, (sessionId, event) => {
    const pageType = event.pageType ?? (event.productId ? 'product' : undefined);
    const id = store.sessions.recordEvent({ sessionId, ...event, pageType });
    if (id === undefined) return undefined;
    offers?.onTrackEvent(sessionId);
    recommendations.record({ sessionId, customerId: store.sessions.findById(sessionId)?.customerId }, event.type, event.productId);
    return String(id);
  }, logger);
  agentConsole.attach(io, shopperNamespace);
  return { io, channel };
}
