import type { MisunderstoodMessage } from '../analytics-repository';

/** Two messages whose character-trigram sets overlap at least this much (Jaccard) share a group. */
export const DEFAULT_SIMILARITY = 0.35;

/** Messages that say nearly the same thing, with how often each was written. */
export interface MisunderstoodGroup {
  /** The most frequent phrase of the group. */
  label: string;
  locale: string;
  /** Messages in the group (repeats counted). */
  count: number;
  phrases: { text: string; count: number; intent: string; confidence: number }[];
  lastSeen: string;
}

/** Lower case, punctuation and runs of spaces as one space: what two texts must share to be the same phrase. */
function normalised(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Character trigrams of the normalised text padded with spaces (works for Chinese too). */
export function trigrams(text: string): Set<string> {
  const chars = [...` ${normalised(text)} `];
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i += 1) grams.add(chars.slice(i, i + 3).join(''));
  if (grams.size === 0 && chars.length > 0) grams.add(chars.join(''));
  return grams;
}

/** Jaccard similarity of two sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared / (a.size + b.size - shared);
}

interface Phrase {
  text: string;
  locale: string;
  count: number;
  intent: string;
  confidence: number;
  lastSeen: string;
  grams: Set<string>;
}

function distinctPhrases(messages: readonly MisunderstoodMessage[]): Phrase[] {
  const byText = new Map<string, Phrase>();
  for (const m of messages) {
    const key = `${m.locale}\u0000${normalised(m.text)}`;
    const seen = byText.get(key);
    if (seen) {
      seen.count += 1;
      if (m.createdAt > seen.lastSeen) seen.lastSeen = m.createdAt;
    } else {
      byText.set(key, { text: m.text.trim(), locale: m.locale, count: 1, intent: m.intent, confidence: m.confidence, lastSeen: m.createdAt, grams: trigrams(m.text) });
    }
  }
  return [...byText.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

/**
 * Groups misunderstood messages by similarity: identical texts first, then single-link
 * clustering of character-trigram sets (Jaccard ≥ `threshold`) within a language, most frequent
 * phrases first so each group is labelled by what shoppers wrote most. Groups come largest first.
 */
export function groupMisunderstood(messages: readonly MisunderstoodMessage[], threshold = DEFAULT_SIMILARITY): MisunderstoodGroup[] {
  const phrases = distinctPhrases(messages);
  const parent = phrases.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  for (let i = 0; i < phrases.length; i += 1) {
    for (let j = i + 1; j < phrases.length; j += 1) {
      const a = phrases[i] as Phrase;
      const b = phrases[j] as Phrase;
      if (a.locale === b.locale && jaccard(a.grams, b.grams) >= threshold) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Phrase[]>();
  phrases.forEach((p, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), p]));
  return [...groups.values()]
    .map((members) => ({
      label: (members[0] as Phrase).text,
      locale: (members[0] as Phrase).locale,
      count: members.reduce((n, p) => n + p.count, 0),
      phrases: members.map(({ text, count, intent, confidence }) => ({ text, count, intent, confidence })),
      lastSeen: members.reduce((t, p) => (p.lastSeen > t ? p.lastSeen : t), ''),
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
