import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import type { Dashboard } from '../../store';
import { el, pairs, part } from '../dom';
import type { DayRange, ManagerApi, OfferReport } from './api';
import { decimal, duration, money, percent } from './format';

Chart.register(...registerables);

/** Charts by canvas name, replaced on every load (Chart.js needs the old one destroyed). */
const charts = new Map<string, Chart>();

function draw(name: string, config: ChartConfiguration): void {
  charts.get(name)?.destroy();
  const canvas = part<HTMLCanvasElement>(`chart="${name}"`);
  charts.set(name, new Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } }));
}

function tiles(d: Dashboard): Node[] {
  const o = d.overview;
  const items: [string, string][] = [
    ['Conversations', String(o.conversations)],
    ['Containment', percent(o.containmentRate)],
    ['Handoff rate', percent(o.handoffRate)],
    ['Average sentiment', decimal(o.averageSentiment)],
    ['CSAT', o.averageCsat === null ? '–' : `${decimal(o.averageCsat)} (${o.csatRatings})`],
    ['Out-of-scope rate', percent(o.outOfScopeRate)],
    ['Coupon offers', String(o.couponOffers)],
    ['Redemptions', String(o.redemptions)],
    ['Revenue from chat coupons', money(o.revenueMinor)],
  ];
  return items.map(([label, value]) => el('div', { className: 'tile', attrs: { 'data-tile': label } }, [el('b', { text: value }), el('span', { text: label })]));
}

function table(target: HTMLElement, header: string[], rows: string[][]): void {
  const head = el('tr', {}, header.map((h) => el('th', { text: h, attrs: { scope: 'col' } })));
  const body = rows.length > 0 ? rows.map((r) => el('tr', {}, r.map((c) => el('td', { text: c })))) : [el('tr', {}, [el('td', { text: 'Nothing in this period.', attrs: { colspan: String(header.length) } })])];
  target.replaceChildren(el('thead', {}, [head]), el('tbody', {}, body));
}

function drawCharts(d: Dashboard): void {
  const days = d.daily.map((x) => x.day);
  draw('daily', { type: 'bar', data: { labels: days, datasets: [
    { label: 'Conversations', data: d.daily.map((x) => x.conversations), backgroundColor: '#6366f1' },
    { label: 'Handed off', data: d.daily.map((x) => x.handedOff), backgroundColor: '#f59e0b' },
  ] } });
  draw('mood', { type: 'line', data: { labels: days, datasets: [
    { label: 'Sentiment (−1..1)', data: d.daily.map((x) => x.averageSentiment), borderColor: '#16a34a', yAxisID: 'y', spanGaps: true },
    { label: 'CSAT (1..5)', data: d.daily.map((x) => x.averageCsat), borderColor: '#dc2626', yAxisID: 'csat', spanGaps: true },
  ] }, options: { scales: { y: { min: -1, max: 1 }, csat: { position: 'right', min: 1, max: 5 } } } });
  draw('intents', { type: 'bar', data: { labels: d.topIntents.map((i) => i.key), datasets: [
    { label: 'Messages', data: d.topIntents.map((i) => i.count), backgroundColor: d.topIntents.map((i) => (i.key === 'out_of_scope' ? '#dc2626' : '#0ea5e9')) },
  ] }, options: { indexAxis: 'y' } });
  draw('reasons', { type: 'doughnut', data: { labels: d.handoffReasons.map((r) => r.key), datasets: [
    { data: d.handoffReasons.map((r) => r.count), backgroundColor: ['#f59e0b', '#6366f1', '#dc2626', '#16a34a', '#0ea5e9', '#a855f7', '#64748b'] },
  ] } });
}

function couponFacts(d: Dashboard, report: OfferReport | undefined): [string, string][] {
  const facts: [string, string][] = [
    ['Offers / hold-outs', `${d.coupons.offers} / ${d.coupons.holdOuts}`],
    ['Redemptions', String(d.coupons.redemptions)],
    ['Revenue from chat coupons', money(d.overview.revenueMinor)],
  ];
  if (!report) return [...facts, ['Uplift', 'the offers report is not available']];
  const c = report.conversion;
  return [
    ...facts,
    ['Conversion offered', `${percent(c.offered.rate)} (${c.offered.converted}/${c.offered.shoppers} shoppers)`],
    ['Conversion hold-out', `${percent(c.holdOut.rate)} (${c.holdOut.converted}/${c.holdOut.shoppers} shoppers)`],
    ['Uplift', Number.isFinite(c.uplift) ? `${percent(c.uplift)} [${percent(c.interval.lower)}, ${percent(c.interval.upper)}] at ${percent(c.confidence)}, ${c.significant ? 'significant' : 'not significant'}` : '–'],
  ];
}

/** Loads and shows the dashboard of a period; uplift comes from the offers engine's own report. */
export async function showDashboard(api: ManagerApi, range: DayRange): Promise<void> {
  const [d, report] = await Promise.all([api.dashboard(range), api.offersReport(range).catch(() => undefined)]);
  part('tiles').replaceChildren(...tiles(d));
  drawCharts(d);
  table(part('agents'), ['Agent', 'Handoffs', 'First response', 'Resolution', 'CSAT'],
    d.agents.map((a) => [a.name, String(a.handoffs), duration(a.firstResponseSeconds), duration(a.resolutionSeconds), decimal(a.averageCsat)]));
  table(part('segments'), ['Segment', 'Conversations', 'Sentiment', 'CSAT', 'Offer decisions', 'Conversion'],
    d.segments.map((s) => [s.segment, String(s.conversations), decimal(s.averageSentiment), decimal(s.averageCsat), String(s.decisions), percent(s.conversion)]));
  part('coupons').replaceChildren(...pairs(couponFacts(d, report)));
}
