import type { MisunderstoodGroup } from '../../store';
import { el, part } from '../dom';
import type { DayRange, ManagerApi, TrainingState } from './api';
import { percent } from './format';

/** How often the page asks how a retraining is going. */
const POLL_MS = 1000;

function assignForm(api: ManagerApi, text: string, locale: string, intents: readonly string[], onAssigned: () => void): HTMLElement {
  const select = el('select', { attrs: { 'aria-label': `Intent for “${text}”` } }, intents.map((i) => el('option', { text: i, attrs: { value: i } })));
  const button = el('button', { text: 'Assign', attrs: { type: 'button' } });
  button.addEventListener('click', () => {
    api.assign(text, select.value, locale).then(onAssigned, (err: unknown) => (part('error').textContent = (err as Error).message));
  });
  return el('div', { className: 'assign' }, [select, button]);
}

function groupItem(api: ManagerApi, g: MisunderstoodGroup, intents: readonly string[], reload: () => void): HTMLElement {
  return el('li', { className: 'group', attrs: { 'data-group': g.label } }, [
    el('strong', { text: `${g.label}` }),
    el('span', { className: 'meta', text: ` · ${g.count} message(s) · ${g.locale}` }),
    el('ul', {}, g.phrases.map((p) => el('li', {}, [
      el('span', { text: `${p.text} (${p.count}×, read as ${p.intent} ${percent(p.confidence)}) ` }),
      assignForm(api, p.text, g.locale, intents, reload),
    ]))),
  ]);
}

/** Shows the grouped misunderstood messages and the assigned phrases. */
export async function showMisunderstood(api: ManagerApi, range: DayRange): Promise<void> {
  const [{ groups }, { intents }, { assignments }] = await Promise.all([api.misunderstood(range), api.intents(), api.assignments()]);
  const reload = (): void => void showMisunderstood(api, range);
  part('groups').replaceChildren(...(groups.length > 0 ? groups.map((g) => groupItem(api, g, intents, reload)) : [el('li', { text: 'Nothing misunderstood in this period.' })]));
  part('assignments').replaceChildren(...assignments.map((a) => el('li', { text: `“${a.text}” → ${a.intent} (${a.locale})` })));
}

function describe(state: TrainingState): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'training':
      return `Training with ${state.assignments} assigned phrase(s)… ${percent(state.fraction)}`;
    case 'done':
      return `New model live: ${state.assignments} assigned phrase(s), ${state.examples} examples, held-out accuracy ${percent(state.heldOutAccuracy)}.`;
    case 'failed':
      return `Training failed: ${state.error}`;
    default:
      return state satisfies never;
  }
}

/** Shows a training state; keeps polling while it runs. */
export function followTraining(api: ManagerApi, state: TrainingState): void {
  const progress = part<HTMLProgressElement>('progress');
  progress.hidden = state.status !== 'training';
  if (state.status === 'training') progress.value = state.fraction;
  part('training').textContent = describe(state);
  part<HTMLButtonElement>('retrain').disabled = state.status === 'training';
  if (state.status !== 'training') return;
  setTimeout(() => {
    api.training().then((next) => followTraining(api, next), (err: unknown) => (part('error').textContent = (err as Error).message));
  }, POLL_MS);
}
