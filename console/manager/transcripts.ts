import { Chart } from 'chart.js';
import type { TranscriptDetail, TranscriptSummary } from '../../store';
import { el, part } from '../dom';
import type { ManagerApi } from './api';
import { decimal, when } from './format';

const PAGE = 50;
let curve: Chart | undefined;

/** The filter form as query parameters (empty fields left out). */
export function filterQuery(form: HTMLFormElement, extra: Record<string, string> = {}): URLSearchParams {
  const query = new URLSearchParams(extra);
  for (const [key, value] of new FormData(form)) if (typeof value === 'string' && value.trim() !== '') query.set(key, value.trim());
  return query;
}

function summaryRow(c: TranscriptSummary, open: (id: string) => void): HTMLTableRowElement {
  const mood = c.averageSentiment === null ? 'neutral' : c.averageSentiment > 0.05 ? 'positive' : c.averageSentiment < -0.05 ? 'negative' : 'neutral';
  const row = el('tr', { className: `row ${mood}`, attrs: { tabindex: '0', 'data-conversation': c.conversationId } }, [
    el('td', { text: when(c.startedAt) }),
    el('td', { text: `${c.channel} · ${c.locale}` }),
    el('td', { text: String(c.messages) }),
    el('td', { text: `${decimal(c.averageSentiment)} ${mood}` }),
    el('td', { text: c.handedOff ? `handed off (${c.handoffTrigger ?? ''})` : 'bot only' }),
    el('td', { text: c.csat === null ? '' : `CSAT ${c.csat}` }),
    el('td', { text: c.offer === 'offer' ? (c.redeemed ? 'coupon redeemed' : 'coupon offered') : c.offer === 'hold-out' ? 'held out' : '' }),
  ]);
  row.addEventListener('click', () => open(c.conversationId));
  row.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') open(c.conversationId);
  });
  return row;
}

function turnsAndEvents(t: TranscriptDetail): HTMLElement[] {
  const items = [
    ...t.turns.map((turn) => ({ at: turn.createdAt, node: el('li', { className: `turn ${turn.role} ${turn.sentimentLabel ?? ''}`, attrs: { 'data-turn': turn.role } }, [
      el('div', { className: 'meta', text: `${turn.role} · ${when(turn.createdAt)}${turn.intent ? ` · ${turn.intent} (${decimal(turn.confidence)}) · ${turn.sentimentLabel ?? ''} ${decimal(turn.sentimentScore)}` : ''}` }),
      el('div', { text: turn.text }),
    ]) })),
    ...t.events.map((e) => ({ at: e.at, node: el('li', { className: `event ${e.kind}`, attrs: { 'data-event': e.kind } }, [el('span', { className: 'meta', text: `${e.kind} · ${when(e.at)} · ` }), el('span', { text: e.detail })]) })),
  ];
  // Events sort just after the message written at the same moment.
  return items.sort((a, b) => a.at.localeCompare(b.at)).map((i) => i.node);
}

/** Opens one transcript: every turn with its reading, the events inline, the sentiment curve. */
export async function openTranscript(api: ManagerApi, id: string): Promise<void> {
  const t = await api.transcript(id);
  const canvas = el('canvas', { attrs: { role: 'img', 'aria-label': 'Sentiment of the shopper message by message' } });
  const s = t.summary;
  part('transcript').replaceChildren(
    el('h2', { text: `Conversation ${s.conversationId}` }),
    el('p', { className: 'meta', text: `${when(s.startedAt)} · ${s.channel} · ${s.locale} · ${s.handedOff ? 'handed off' : 'bot only'}${s.csat === null ? '' : ` · CSAT ${s.csat}`}` }),
    el('div', { className: 'chart' }, [canvas]),
    el('ol', { className: 'turns' }, turnsAndEvents(t)),
  );
  const shopper = t.turns.filter((x) => x.role === 'shopper' && x.sentimentScore !== null);
  curve?.destroy();
  curve = new Chart(canvas, {
    type: 'line',
    data: { labels: shopper.map((_, i) => `#${i + 1}`), datasets: [{ label: 'Shopper sentiment', data: shopper.map((x) => x.sentimentScore), borderColor: '#16a34a' }] },
    options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { min: -1, max: 1 } } },
  });
}

/** Runs a search (from the first page, or the next with `more`). */
export async function searchTranscripts(api: ManagerApi, form: HTMLFormElement, period: Record<string, string>, more = false): Promise<void> {
  const results = part('results');
  const offset = more ? results.querySelectorAll('tr.row').length : 0;
  const { conversations, hasMore } = await api.transcripts(filterQuery(form, { ...period, limit: String(PAGE), offset: String(offset) }));
  const open = (id: string): void => void openTranscript(api, id).catch((err: unknown) => (part('error').textContent = (err as Error).message));
  const rows = conversations.map((c) => summaryRow(c, open));
  if (more) results.querySelector('tbody')?.append(...rows);
  else {
    const head = el('tr', {}, ['Started', 'Channel', 'Messages', 'Sentiment', 'Handoff', 'CSAT', 'Coupon'].map((h) => el('th', { text: h, attrs: { scope: 'col' } })));
    results.replaceChildren(el('thead', {}, [head]), el('tbody', {}, rows.length > 0 ? rows : [el('tr', {}, [el('td', { text: 'No conversation matches.', attrs: { colspan: '7' } })])]));
  }
  part('more').hidden = !hasMore;
  part<HTMLAnchorElement>('export-transcripts').href = `/api/manager/export/transcripts.csv?${filterQuery(form, period)}`;
}
