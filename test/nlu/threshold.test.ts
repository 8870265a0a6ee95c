// The out-of-scope threshold's accuracy budget, and the entity placeholders the intent model reads.
import { learnThreshold, type ThresholdExample } from '../../nlu/intent/calibration';
import { maskPatternEntities } from '../../nlu/intent/mask';

/** `n` correct held-out answers of one intent, confidences spread evenly over [low, high]. */
function answers(intent: string, n: number, low: number, high: number): ThresholdExample[] {
  return Array.from({ length: n }, (_, i) => ({ intent, correct: true, outOfScope: false, confidence: low + ((high - low) * i) / Math.max(1, n - 1) }));
}

describe('learnThreshold', () => {
  // A small hand-written intent answered with modest confidence beside big templated ones.
  const small = answers('product_question', 4, 0.3, 0.6);

  const big = [...answers('track_order', 200, 0.9, 1), ...answers('invoice', 600, 0.95, 1)];

  it('hardly moves into a small intent when easy examples of big intents are added', () => {
    expect(learnThreshold([...small, ...answers('track_order', 200, 0.9, 1)])).toBeLessThanOrEqual(0.3);
    // 800 easy answers buy the rejection of at most one of the small intent's four.
    expect(learnThreshold([...small, ...big])).toBeLessThanOrEqual(0.4 + 1e-9);
  });

  it('counted per example, the same data would reject the whole small intent', () => {
    const unlabelled = [...small, ...big].map(({ intent: _intent, ...rest }) => rest);
    expect(learnThreshold(unlabelled)).toBeGreaterThan(0.6);
  });

  it('still rejects below the hardest answers of a big intent within the budget', () => {
    const cut = learnThreshold([...answers('track_order', 400, 0.2, 1), ...answers('invoice', 400, 0.2, 1)]);
    expect(cut).toBeGreaterThan(0.2);
    expect(cut).toBeLessThan(0.25);
  });
});

describe('maskPatternEntities', () => {
  it('reads emails, phones and order numbers as placeholders, whatever their value', () => {
    expect(maskPatternEntities('my email is ann@example.com')).toBe(maskPatternEntities('my email is bob.jones@mail.co.uk'));
    expect(maskPatternEntities("it's 538518")).toContain('xxorderid');
    expect(maskPatternEntities('call me on 07700 900123')).toContain('xxphone');
    expect(maskPatternEntities('where is my order')).toBe('where is my order');
  });
});
