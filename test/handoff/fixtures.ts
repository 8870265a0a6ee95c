// Straight from the modules, not the `bot` facade, which loads botbuilder (about a second per test
// file) that these do not use.
import { ConversationDelivery } from '../../bot/handoff/delivery';
import { HandoffService, DEFAULT_HANDOFF_SETTINGS, type HandoffSettings } from '../../bot/handoff/handoff-service';
import { openStore, sequentialIds, type Conversation, type Store, type User, type UserRole } from '../../store';

/** A clock tests move by hand. */
export interface ManualClock {
  now(): number;
  advance(ms: number): void;
}

export function manualClock(start = Date.parse('2026-11-20T10:00:00Z')): ManualClock {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** A store, delivery and handoff service over a file or `:memory:`, with a hand-moved clock. */
export interface HandoffFixture {
  store: Store;
  clock: ManualClock;
  delivery: ConversationDelivery;
  service: HandoffService;
  sent: { conversationId: string; role: string; text: string }[];
}

export function handoffFixture(file = ':memory:', settings: Partial<HandoffSettings> = {}, clock = manualClock()): HandoffFixture {
  const store = openStore({ file, clock, ids: sequentialIds() });
  const delivery = new ConversationDelivery(store);
  const sent: HandoffFixture['sent'] = [];
  delivery.register('widget', { send: (c, m) => sent.push({ conversationId: c.id, role: m.role, text: m.text }) });
  const service = new HandoffService(store, delivery, clock, { ...DEFAULT_HANDOFF_SETTINGS, ...settings });
  return { store, clock, delivery, service, sent };
}

let agentCount = 0;

/** An agent (a stored user; the hash is not a real one: these tests never sign in). */
export function addAgent(
  store: Store,
  options: { name?: string; role?: UserRole; languages?: string[]; teams?: string[]; capacity?: number; online?: boolean } = {},
): User {
  agentCount += 1;
  const user = store.users.create({
    email: `agent${agentCount}-${Math.random().toString(36).slice(2)}@shop.test`,
    name: options.name ?? `Agent ${agentCount}`,
    role: options.role ?? 'agent',
    passwordHash: 'scrypt$not-a-real-hash',
    languages: options.languages ?? ['en'],
    teams: options.teams ?? ['general'],
    capacity: options.capacity ?? 3,
  });
  if (options.online ?? true) store.users.setPresence(user.id, 'online');
  return store.users.findById(user.id) as User;
}

/** A widget conversation with a few annotated shopper messages. */
export function conversationWith(store: Store, texts: string[] = ['where is my order 536365'], locale = 'en'): Conversation {
  const session = store.sessions.create(locale);
  const conversation = store.conversations.openForSession(session.id, 'widget', locale);
  for (const text of texts) {
    const { message } = store.conversations.appendMessage({ conversationId: conversation.id, role: 'shopper', text });
    store.conversations.annotate(message.id, {
      locale,
      intent: 'track_order',
      confidence: 0.9,
      sentimentLabel: 'neutral',
      sentimentScore: 0,
      entities: [],
    });
    store.conversations.appendMessage({ conversationId: conversation.id, role: 'bot', text: 'What is the order number?' });
  }
  return conversation;
}
