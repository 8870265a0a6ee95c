import type { HandoffTrigger, StoredMessage } from '../../store';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', zh: 'Chinese' };
const TRIGGER_PHRASES: Record<HandoffTrigger, string> = {
  asked: 'the shopper asked for a person',
  complaint: 'the shopper made a complaint',
  frustration: 'the shopper seemed frustrated',
};
/** Longest quote of the shopper's first request in the summary. */
const QUOTE_LENGTH = 80;

function quote(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > QUOTE_LENGTH ? `${t.slice(0, QUOTE_LENGTH - 1)}…` : t;
}

function intentList(shopper: readonly StoredMessage[]): string {
  const counts = new Map<string, number>();
  for (const m of shopper) {
    const intent = m.annotations?.intent;
    if (intent) counts.set(intent, (counts.get(intent) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([intent, n]) => `${intent.replace(/_/g, ' ')}${n > 1 ? ` (×${n})` : ''}`)
    .join(', ');
}

function mentioned(shopper: readonly StoredMessage[]): string[] {
  const found = new Set<string>();
  for (const m of shopper) {
    for (const e of m.annotations?.entities ?? []) {
      const entity = e as { type?: string; value?: string };
      if (entity.type === 'order_id') found.add(`order ${entity.value}`);
      if (entity.type === 'product') found.add(`product ${entity.value}`);
    }
  }
  return [...found];
}

function sentimentTrend(shopper: readonly StoredMessage[]): string {
  const scores = shopper.map((m) => m.annotations?.sentimentScore).filter((s): s is number => typeof s === 'number');
  if (scores.length === 0) return '';
  const label = (s: number): string => (s <= -0.3 ? 'negative' : s >= 0.3 ? 'positive' : 'neutral');
  const [first, last] = [scores[0] as number, scores.at(-1) as number];
  return label(first) === label(last)
    ? ` Sentiment stayed ${label(last)} (${last.toFixed(2)}).`
    : ` Sentiment went from ${label(first)} to ${label(last)} (${last.toFixed(2)}).`;
}

/**
 * One paragraph for the agent: what the shopper asked, what the bot did and how it went, from
 * the transcript and the NLU's annotations of each message.
 *
 * @example
 * summarise(store.conversations.messages(id), 'asked')
 * // "The shopper wrote 3 messages in English, starting with “where is my order”. ..."
 */
export function summarise(messages: readonly StoredMessage[], trigger: HandoffTrigger): string {
  const shopper = messages.filter((m) => m.role === 'shopper');
  const botReplies = messages.filter((m) => m.role === 'bot').length;
  const first = shopper[0];
  if (!first) return `No messages yet; ${TRIGGER_PHRASES[trigger]}.`;
  const language = LANGUAGE_NAMES[first.annotations?.locale ?? 'en'] ?? first.annotations?.locale ?? 'English';
  const missed = shopper.filter((m) => m.annotations?.intent === 'out_of_scope').length;
  const things = mentioned(shopper);
  const parts = [
    `The shopper wrote ${shopper.length} message${shopper.length === 1 ? '' : 's'} in ${language}, starting with “${quote(first.text)}”.`,
    ` Intents: ${intentList(shopper) || 'none recognised'}.`,
    botReplies === 0 ? ' The bot had not answered yet.' : ` The bot replied ${botReplies} time${botReplies === 1 ? '' : 's'}${missed > 0 ? ` and did not understand ${missed} message${missed === 1 ? '' : 's'}` : ''}.`,
    things.length > 0 ? ` Mentioned: ${things.join(', ')}.` : '',
    sentimentTrend(shopper),
    ` Handed over because ${TRIGGER_PHRASES[trigger]}.`,
  ];
  return parts.join('');
}
