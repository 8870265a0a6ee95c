import { INTENSIFIERS, NEGATORS, sentimentTokens, supportPhraseScore } from './rules';

/**
 * A small hand-made polarity list for shop talk (-1..1). It backs the learned sentiment model
 * up as a feature and is the whole of the rule scorer used for very short messages.
 */
export const SHOP_WORDS: Readonly<Record<string, number>> = {
  good: 0.5, great: 0.7, excellent: 0.8, amazing: 0.8, awesome: 0.8, love: 0.7, loved: 0.7, lovely: 0.6, perfect: 0.8,
  nice: 0.5, happy: 0.6, glad: 0.5, best: 0.7, fantastic: 0.8, wonderful: 0.8, fast: 0.3, quick: 0.3, helpful: 0.6,
  recommend: 0.5, pleased: 0.6, satisfied: 0.6, beautiful: 0.6, cute: 0.5, works: 0.3, thanks: 0.3, thank: 0.3, fine: 0.2,
  bad: -0.6, terrible: -0.8, awful: -0.8, horrible: -0.8, worst: -0.9, hate: -0.8, broken: -0.6, damaged: -0.6, late: -0.4,
  slow: -0.4, angry: -0.7, annoyed: -0.6, disappointed: -0.7, disappointing: -0.7, useless: -0.7, rude: -0.7, poor: -0.6,
  wrong: -0.4, never: -0.2, unhappy: -0.7, upset: -0.6, scam: -0.9, fraud: -0.9, missing: -0.4, lost: -0.4, problem: -0.3,
  issue: -0.2, complaint: -0.5, cheap: -0.2, refund: -0.2, waiting: -0.3, ridiculous: -0.7, pathetic: -0.8,
  好: 0.4, 棒: 0.7, 喜欢: 0.6, 满意: 0.6, 差: -0.6, 烂: -0.8, 坏: -0.5, 慢: -0.4, 贵: -0.3, 破: -0.5, 错: -0.3, 生气: -0.7,
};

/**
 * Rule score in about -1..1: word polarities with negation (flips and damps, as VADER does) and
 * intensifiers, plus support phrases, squashed by x / sqrt(x² + 1).
 */
export function ruleScore(text: string): number {
  const tokens = sentimentTokens(text);
  let total = supportPhraseScore(text);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const pair = i > 0 ? `${tokens[i - 1]}${token}` : '';
    const polarity = SHOP_WORDS[pair] ?? SHOP_WORDS[token];
    if (polarity === undefined) continue;
    let value = polarity;
    const window = tokens.slice(Math.max(0, i - 3), i);
    if (window.some((w) => NEGATORS.has(w))) value *= -0.74;
    const boost = INTENSIFIERS[tokens[i - 1] ?? ''];
    if (boost) value *= boost;
    total += value;
  }
  return total / Math.sqrt(total * total + 1);
}
