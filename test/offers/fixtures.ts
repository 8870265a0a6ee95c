// Straight from the modules, not the `bot` facade, which loads botbuilder (about a second per test
// file) that these do not use.
import { ConversationDelivery } from '../../bot/handoff/delivery';
import { HandoffService } from '../../bot/handoff/handoff-service';
import { OfferEngine, ShopKnowledge, savePolicy, type OfferSettings } from '../../bot/offers';
import { loadDefaultPropensityModel, type CouponPolicy, type PropensityModel } from '../../models';
import { openStore, sequentialIds, type Store } from '../../store';
import { manualClock, type ManualClock } from '../handoff/fixtures';

let model: PropensityModel | undefined;
/** The shipped model, loaded once per test file. */
export function shippedModel(): PropensityModel {
  model ??= loadDefaultPropensityModel();
  return model;
}

/** Everything an offer test needs: a store, clock, engine, and what was posted to shoppers. */
export interface OfferFixture {
  store: Store;
  clock: ManualClock;
  knowledge: ShopKnowledge;
  engine: OfferEngine;
  handoffs: HandoffService;
  posted: { conversationId: string; text: string; payload?: Record<string, unknown> }[];
  /** Sets the next hold-out draws (then 0.5 forever). */
  draws: number[];
}

/** A policy that makes everyone eligible: any probability, new shoppers 10% off, no hold-out. */
export const EVERYONE: CouponPolicy = { band: { min: 0, max: 1 }, discountBySegment: { new: 10, occasional: 10 }, dailyBudget: 1000, offerEveryDays: 7, holdOutShare: 0 };

export function offerFixture(policy: CouponPolicy | null = EVERYONE, settings: Partial<OfferSettings> = {}): OfferFixture {
  const clock = manualClock(Date.parse('2026-11-18T10:00:00Z'));
  const store = openStore({ file: ':memory:', clock, ids: sequentialIds() });
  const delivery = new ConversationDelivery(store);
  const handoffs = new HandoffService(store, delivery, clock);
  const knowledge = new ShopKnowledge(store, { fallbackOrderValue: 40 });
  const posted: OfferFixture['posted'] = [];
  const draws: number[] = [];
  const engine = new OfferEngine(
    {
      store,
      model: shippedModel(),
      knowledge,
      clock,
      random: () => draws.shift() ?? 0.5,
      post: (conversationId, message) => {
        delivery.post(conversationId, message);
        posted.push({ conversationId, text: message.text, payload: message.payload });
      },
    },
    settings,
  );
  if (policy) savePolicy(store, policy, true, 'usr_test');
  return { store, clock, knowledge, engine, handoffs, posted, draws };
}

/** A shopper session that viewed `pages` pages, 40 s apart, ending now. */
export function browse(f: OfferFixture, pages = 4, customerId: string | null = null): string {
  const session = f.store.sessions.create('en', customerId);
  f.store.conversations.openForSession(session.id, 'widget', 'en');
  for (let i = 0; i < pages; i++) {
    f.store.sessions.recordEvent({ sessionId: session.id, type: 'page_view', pageType: i === 0 ? 'informational' : 'product', url: `/p/${i}` });
    f.clock.advance(40_000);
  }
  return session.id;
}
