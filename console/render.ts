import type { AgentNote, FollowUp, Handoff, Order, StoredMessage } from '../store';
import type { CartLine, ConversationView, QueueItem, ShopperInsights } from '../bot';
import { el, pairs, since } from './dom';

/** A transcript line as the console receives it live (the REST view sends stored messages). */
export interface TranscriptMessage {
  id: string;
  seq: number;
  role: StoredMessage['role'];
  text: string;
  createdAt: string;
  agentName?: string;
}

const LANGUAGES: Record<string, string> = { en: 'English', zh: 'Chinese' };
const ROLE_NAMES: Record<TranscriptMessage['role'], string> = { shopper: 'Shopper', bot: 'Bot', agent: 'Agent', system: 'System' };

/** The console's shape of a stored message. */
export function fromStored(m: StoredMessage): TranscriptMessage {
  const agentName = typeof m.payload?.agentName === 'string' ? m.payload.agentName : undefined;
  return { id: m.id, seq: m.seq, role: m.role, text: m.text, createdAt: m.createdAt, ...(agentName ? { agentName } : {}) };
}

function sentimentWord(score: number | null): string {
  if (score === null) return 'unknown sentiment';
  const word = score <= -0.3 ? 'negative' : score >= 0.3 ? 'positive' : 'neutral';
  return `${word} (${score.toFixed(2)})`;
}

/** The one-line facts of a handoff: language, intent, sentiment, trigger, team. */
export function handoffFacts(h: Handoff): string {
  return [LANGUAGES[h.language] ?? h.language, (h.intent ?? 'no intent').replace(/_/g, ' '), sentimentWord(h.sentimentScore), `${h.trigger}`, `team ${h.team}`].join(' · ');
}

/** One conversation in the queue or in "mine": a button that opens it. */
export function queueEntry(item: QueueItem, current: boolean, onOpen: () => void): HTMLLIElement {
  const h = item.handoff;
  const badges: Node[] = [];
  if (h.status === 'assigned' && item.unread > 0) badges.push(el('span', { className: 'badge', text: `${item.unread} unread`, attrs: { 'aria-label': `${item.unread} unread messages` } }));
  if (h.priority >= 3) badges.push(el('span', { className: 'prio', text: 'urgent' }));
  const status = h.status === 'transferred' ? 'transferred to you or your team' : h.status;
  const button = el('button', { attrs: { type: 'button', 'aria-current': String(current), 'data-handoff': h.id } }, [
    el('span', { className: 'line1' }, [el('span', { text: handoffFacts(h).split(' · ').slice(0, 2).join(' · ') }), el('span', { text: since(h.queuedAt) })]),
    el('span', { className: 'preview', text: item.preview || '(no message yet)' }),
    el('span', { className: 'meta' }, [el('span', { text: `${status}${item.claimable || h.status === 'assigned' ? '' : ' · not for you now'}` }), ...badges]),
  ]);
  button.addEventListener('click', onOpen);
  return el('li', {}, [button]);
}

/** One transcript line. */
export function transcriptLine(m: TranscriptMessage): HTMLLIElement {
  const who = m.role === 'agent' && m.agentName ? m.agentName : ROLE_NAMES[m.role];
  const time = new Date(m.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return el('li', { className: m.role, attrs: { 'data-message': m.id } }, [el('span', { className: 'who', text: `${who} · ${time}` }), document.createTextNode(m.text)]);
}

function money(minor: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 100);
}

function listOrNone(items: readonly Node[], none: string): Node[] {
  return items.length > 0 ? [...items] : [el('li', { className: 'none', text: none })];
}

/** The orders list. */
export function orderItems(orders: readonly Order[]): Node[] {
  return listOrNone(
    orders.map((o) => el('li', { text: `#${o.id} · ${o.status} · ${money(o.totalMinor, o.currency)} · ${o.placedAt.slice(0, 10)}${o.items.length ? ` · ${o.items.length} item(s)` : ''}` })),
    'No orders known for this shopper.',
  );
}

/** The cart list. */
export function cartItems(cart: readonly CartLine[]): Node[] {
  return listOrNone(cart.map((c) => el('li', { text: `${c.quantity} × ${c.name}` })), 'The cart is empty (from the page tracker).');
}

/** Insights, with labelled empty states for engines this server does not run. */
export function insightPairs(insights: ShopperInsights): Node[] {
  const recs = insights.recommendations;
  return pairs([
    ['Recommendations', recs === undefined ? 'Not available: no recommender is wired into this server.' : recs.map((r) => r.name).join(', ') || 'None for this shopper.'],
    ['Segment', insights.segment ?? 'Not available: no segmentation is wired into this server.'],
    [
      'Purchase likelihood',
      insights.purchaseLikelihood === undefined ? 'Not available: no propensity model is wired into this server.' : `${Math.round(insights.purchaseLikelihood * 100)}%`,
    ],
  ]);
}

/** The profile pairs. */
export function profilePairs(view: ConversationView): Node[] {
  const c = view.profile.customer;
  return pairs([
    ['Name', c?.name ?? 'Anonymous shopper'],
    ['Email', c?.email ?? 'not known'],
    ['Country', c?.country ?? 'not known'],
    ['Language', LANGUAGES[view.profile.locale] ?? view.profile.locale],
    ['First seen', new Date(view.profile.firstSeen).toLocaleString()],
  ]);
}

/** A message left for an email reply. */
export function followUpItem(f: FollowUp): HTMLLIElement {
  return el('li', {}, [
    el('span', { className: 'meta', text: `${f.email ?? 'no email'} · ${new Date(f.updatedAt).toLocaleString()}` }),
    el('p', { text: f.text ?? '' }),
  ]);
}

/** The notes list. */
export function noteItems(notes: readonly AgentNote[]): Node[] {
  return listOrNone(notes.map((n) => el('li', { text: `${n.authorName}: ${n.text}` })), 'No notes yet.');
}
