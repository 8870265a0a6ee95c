import { HANDOFF_CONFIDENCE, triggerOf } from '../../bot';
import type { Entity, Understanding } from '../../nlu';

function reading(text: string, intent: string, confidence: number, extra: Partial<Understanding> = {}): Understanding {
  return { text, locale: 'en', intent, confidence, alternatives: [], entities: [], sentiment: { label: 'neutral', score: 0 }, ...extra };
}

const email: Entity = { type: 'email', value: 'ann@example.com', text: 'ann@example.com', start: 12, end: 27, confidence: 1 };

describe('what opens a handoff from one message', () => {
  it('takes a confident ask for a person, or one that names a person at any confidence', () => {
    expect(triggerOf(reading('can I get some help', 'talk_to_human', HANDOFF_CONFIDENCE))).toBe('asked');
    expect(triggerOf(reading('I need a human', 'talk_to_human', 0.4))).toBe('asked');
    expect(triggerOf(reading('转人工', 'talk_to_human', 0.5, { locale: 'zh' }))).toBe('asked');
  });

  it('does not hand over on an unsure reading that names no person ("what goes with it?")', () => {
    expect(triggerOf(reading('what goes with it?', 'talk_to_human', 0.55))).toBeUndefined();
  });

  it('takes a complaint that is confident or plainly negative', () => {
    expect(triggerOf(reading('this is not what I ordered', 'complaint', 0.9))).toBe('complaint');
    expect(triggerOf(reading('awful', 'complaint', 0.5, { sentiment: { label: 'negative', score: -0.8 } }))).toBe('complaint');
    expect(triggerOf(reading('hmm well', 'complaint', 0.5))).toBeUndefined();
  });

  it('never reads an answer to a question (an email, an order number) as a complaint unless it is negative', () => {
    expect(triggerOf(reading('my email is ann@example.com', 'complaint', 0.9, { entities: [email] }))).toBeUndefined();
    const angry = { entities: [email], sentiment: { label: 'negative' as const, score: -0.7 } };
    expect(triggerOf(reading('ann@example.com and this is the third time I ask!', 'complaint', 0.9, angry))).toBe('complaint');
  });

  it('ignores other intents', () => {
    expect(triggerOf(reading('where is my order', 'track_order', 0.99))).toBeUndefined();
  });
});
