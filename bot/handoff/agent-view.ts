import type { AgentNote, BehaviourEvent, Customer, Handoff, Order, StoredMessage, Store, User } from '../../store';
import { routeHandoff } from './routing';

/** A product the recommender suggests for the shopper. */
export interface RecommendedProduct {
  productId: string;
  name: string;
  reason?: string;
}

/**
 * What the optional engines say about a shopper. Each field is absent when its engine is not
 * wired into this server; the console then shows a labelled empty state.
 */
export interface ShopperInsights {
  recommendations?: RecommendedProduct[];
  segment?: string;
  /** 0..1. */
  purchaseLikelihood?: number;
}

/** Supplies insights for a session (the recommender and the propensity model plug in here). */
export type InsightsProvider = (sessionId: string, customerId: string | null) => ShopperInsights;

/** One line of the shopper's cart, rebuilt from behaviour events. */
export interface CartLine {
  productId: string;
  name: string;
  quantity: number;
}

/** A waiting or owned handoff as the console lists it. */
export interface QueueItem {
  handoff: Handoff;
  /** The shopper's last message, for the list preview. */
  preview: string;
  /** Messages after the owning agent's read mark. */
  unread: number;
  /** Whether the viewing agent may claim it now. */
  claimable: boolean;
}

/** Everything an agent sees about one conversation. */
export interface ConversationView {
  conversationId: string;
  handoff: Handoff | null;
  messages: StoredMessage[];
  profile: { sessionId: string; locale: string; firstSeen: string; customer: Customer | null };
  orders: Order[];
  cart: CartLine[];
  notes: AgentNote[];
  insights: ShopperInsights;
}

/** Replays add/remove/purchase events into the current cart (a purchase empties it). */
export function cartOf(events: readonly BehaviourEvent[], nameOf: (productId: string) => string | undefined): CartLine[] {
  const quantities = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'purchase') quantities.clear();
    if (!e.productId) continue;
    const q = e.quantity ?? 1;
    if (e.type === 'add_to_cart') quantities.set(e.productId, (quantities.get(e.productId) ?? 0) + q);
    if (e.type === 'remove_from_cart') quantities.set(e.productId, Math.max(0, (quantities.get(e.productId) ?? 0) - q));
  }
  return [...quantities]
    .filter(([, q]) => q > 0)
    .map(([productId, quantity]) => ({ productId, quantity, name: nameOf(productId) ?? productId }));
}

function mentionedOrders(store: Store, messages: readonly StoredMessage[]): Order[] {
  const ids = new Set<string>();
  for (const m of messages) {
    for (const e of m.annotations?.entities ?? []) {
      const entity = e as { type?: string; value?: string };
      if (entity.type === 'order_id' && entity.value) ids.add(entity.value);
    }
  }
  return [...ids].map((id) => store.orders.findById(id)).filter((o): o is Order => o !== undefined);
}

/** The console's view of a conversation. */
export function conversationView(store: Store, conversationId: string, insights?: InsightsProvider): ConversationView | undefined {
  const conversation = store.conversations.findById(conversationId);
  if (!conversation) return undefined;
  const session = store.sessions.findById(conversation.sessionId);
  const customerId = session?.customerId ?? null;
  const customer = customerId ? (store.customers.findById(customerId) ?? null) : null;
  const messages = store.conversations.messages(conversationId, 500);
  const orders = customer ? store.orders.listByCustomer(customer.id) : mentionedOrders(store, messages);
  return {
    conversationId,
    handoff: store.handoffs.currentFor(conversationId) ?? null,
    messages,
    profile: { sessionId: conversation.sessionId, locale: conversation.locale, firstSeen: session?.createdAt ?? conversation.startedAt, customer },
    orders,
    cart: cartOf(store.sessions.events(conversation.sessionId), (id) => store.products.findById(id)?.name),
    notes: store.handoffExtras.notes(conversationId),
    insights: insights ? insights(conversation.sessionId, customerId) : {},
  };
}

function queueItem(store: Store, handoff: Handoff, claimable: boolean): QueueItem {
  const messages = store.conversations.messages(handoff.conversationId, 50);
  const preview = messages.filter((m) => m.role === 'shopper').at(-1)?.text ?? '';
  const unread = messages.filter((m) => m.role === 'shopper' && m.seq > handoff.agentReadSeq).length;
  return { handoff, preview, unread, claimable };
}

/** The waiting queue (priority, then wait) and the agent's own conversations. */
export function queueView(store: Store, agent: User): { waiting: QueueItem[]; mine: QueueItem[] } {
  const loads = store.handoffs.loads();
  const waiting = store.handoffs
    .waiting()
    .map((h) => queueItem(store, h, routeHandoff(h, [agent], loads).eligible.length === 1));
  const mine = store.handoffs.assignedTo(agent.id).map((h) => queueItem(store, h, false));
  return { waiting, mine };
}
