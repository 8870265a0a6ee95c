// The manager dashboard (issue 8): sign-in with the console's session, then the dashboard,
// transcripts and misunderstood views over a chosen period. Everything shown is set as text.
import { part } from '../dom';
import { ManagerApi, periodQuery, type DayRange } from './api';
import { saveCouponPolicy, showCouponPolicy } from './coupon-policy';
import { showDashboard } from './dashboard';
import { followTraining, showMisunderstood } from './misunderstood';
import { searchTranscripts } from './transcripts';

const VIEWS = ['dashboard', 'transcripts', 'misunderstood'] as const;
type View = (typeof VIEWS)[number];

const api = new ManagerApi();
let view: View = 'dashboard';

function showError(err: unknown): void {
  part('error').textContent = err instanceof Error ? err.message : String(err);
}

function range(): DayRange {
  const form = part<HTMLFormElement>('period');
  const data = new FormData(form);
  return { from: String(data.get('from')), to: String(data.get('to')) };
}

function defaultRange(): void {
  const form = part<HTMLFormElement>('period');
  const today = new Date();
  (form.elements.namedItem('to') as HTMLInputElement).value = today.toISOString().slice(0, 10);
  (form.elements.namedItem('from') as HTMLInputElement).value = new Date(today.getTime() - 29 * 86_400_000).toISOString().slice(0, 10);
}

async function load(): Promise<void> {
  part('error').textContent = '';
  const r = range();
  part<HTMLAnchorElement>('export-metrics').href = `/api/manager/export/metrics.csv?${periodQuery(r)}`;
  switch (view) {
    case 'dashboard':
      await showCouponPolicy(api);
      return showDashboard(api, r);
    case 'transcripts':
      return searchTranscripts(api, part<HTMLFormElement>('filters'), Object.fromEntries(periodQuery(r)));
    case 'misunderstood':
      return showMisunderstood(api, r);
    default:
      return view satisfies never;
  }
}

function switchTo(next: View): void {
  view = next;
  for (const v of VIEWS) {
    part(`view="${v}"`).hidden = v !== next;
    part(`tab="${v}"`).setAttribute('aria-pressed', String(v === next));
  }
  load().catch(showError);
}

async function fillIntents(): Promise<void> {
  const select = part<HTMLSelectElement>('intent-filter');
  for (const intent of (await api.intents()).intents) select.append(new Option(intent, intent));
}

function wire(): void {
  for (const v of VIEWS) part(`tab="${v}"`).addEventListener('click', () => switchTo(v));
  part('period').addEventListener('submit', (e) => {
    e.preventDefault();
    load().catch(showError);
  });
  part('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    load().catch(showError);
  });
  part('policy-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void saveCouponPolicy(api);
  });
  part('more').addEventListener('click', () => {
    searchTranscripts(api, part<HTMLFormElement>('filters'), Object.fromEntries(periodQuery(range())), true).catch(showError);
  });
  part('retrain').addEventListener('click', () => {
    api.retrain().then((state) => followTraining(api, state), showError);
  });
  part('logout').addEventListener('click', () => {
    api.logout().finally(() => location.reload());
  });
}

async function enter(user: { name: string; role: string }): Promise<void> {
  if (user.role !== 'manager') {
    part('login-error').textContent = 'This page is for managers; agents use the console.';
    part('login').hidden = false;
    return;
  }
  part('login').hidden = true;
  part('app').hidden = false;
  part('me').textContent = user.name;
  defaultRange();
  await fillIntents();
  await load();
  followTraining(api, await api.training());
}

async function start(): Promise<void> {
  wire();
  part('login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    api.login(String(data.get('email')), String(data.get('password'))).then(enter, (err: unknown) => (part('login-error').textContent = (err as Error).message));
  });
  const user = await api.me();
  if (user) await enter(user);
  else part('login').hidden = false;
}

start().catch(showError);
