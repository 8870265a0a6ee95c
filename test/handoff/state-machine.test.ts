// Straight from the module, not the `bot` facade, which loads botbuilder (about a second per test
// file) that the state machine does not use.
import { assertTransition, canTransition, humansOwn, isFinal, sourcesOf, HandoffTransitionError } from '../../bot/handoff/state-machine';
import { HANDOFF_STATUSES, type HandoffStatus } from '../../store';

/** Every allowed move, written out by hand: the table the machine must match exactly. */
const ALLOWED: ReadonlyArray<[HandoffStatus, HandoffStatus]> = [
  ['bot', 'queued'],
  ['queued', 'assigned'],
  ['queued', 'abandoned'],
  ['queued', 'expired'],
  ['assigned', 'resolved'],
  ['assigned', 'transferred'],
  ['assigned', 'queued'],
  ['assigned', 'abandoned'],
  ['transferred', 'assigned'],
  ['transferred', 'queued'],
  ['transferred', 'abandoned'],
  ['transferred', 'expired'],
];

const key = (from: HandoffStatus, to: HandoffStatus): string => `${from}->${to}`;
const allowed = new Set(ALLOWED.map(([f, t]) => key(f, t)));
const pairs = HANDOFF_STATUSES.flatMap((from) => HANDOFF_STATUSES.map((to) => [from, to] as [HandoffStatus, HandoffStatus]));

describe('handoff state machine', () => {
  it.each(ALLOWED)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  const refused = pairs.filter(([f, t]) => !allowed.has(key(f, t)));
  it.each(refused)('refuses %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(HandoffTransitionError);
  });

  it('covers all 49 pairs of the 7 statuses', () => {
    expect(ALLOWED.length + refused.length).toBe(49);
  });

  it('names the sources of each status (the guard of the conditional update)', () => {
    expect(sourcesOf('assigned').sort()).toEqual(['queued', 'transferred']);
    expect(sourcesOf('queued').sort()).toEqual(['assigned', 'bot', 'transferred']);
    expect(sourcesOf('bot')).toEqual([]);
  });

  it('knows which statuses are final and when humans own the conversation', () => {
    expect(HANDOFF_STATUSES.filter(isFinal)).toEqual(['resolved', 'abandoned', 'expired']);
    expect(HANDOFF_STATUSES.filter(humansOwn)).toEqual(['queued', 'assigned', 'transferred']);
  });
});
