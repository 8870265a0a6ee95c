import { normalizeText, tokenize } from '../text';

/**
 * Customer-service phrasing that general sentiment word lists miss: waiting, repeating
 * oneself, escalating. Each phrase carries a polarity in -1..1.
 */
export const SUPPORT_PHRASES: Readonly<Record<string, number>> = {
  'still waiting': -0.6, 'still not': -0.5, 'still no': -0.5, 'still haven\'t': -0.6, 'still hasn\'t': -0.6,
  'third time': -0.7, 'second time': -0.4, 'again and again': -0.6, 'nobody answers': -0.7, 'no one answers': -0.7,
  'no response': -0.6, 'no reply': -0.6, 'waste of time': -0.8, 'waste of money': -0.8, 'not happy': -0.7,
  'fed up': -0.8, 'sick of': -0.7, 'never again': -0.8, 'want my money back': -0.6, 'ridiculous': -0.7,
  'unacceptable': -0.8, 'as usual': -0.2, 'for weeks': -0.4, 'for days': -0.3, 'how many times': -0.6,
  'works great': 0.7, 'well done': 0.6, 'thank you so much': 0.7, 'much appreciated': 0.6, 'problem solved': 0.6,
  还没: -0.4, 还是没: -0.6, 一直没: -0.6, 第三次: -0.7, 第二次: -0.4, 没人回复: -0.7, 没人理: -0.7, 等了: -0.4,
  不满意: -0.8, 太差: -0.8, 很差: -0.7, 垃圾: -0.9, 失望: -0.7, 投诉: -0.6, 坑: -0.6, 骗子: -0.9, 浪费: -0.6,
  退钱: -0.5, 气死: -0.9, 无语: -0.6, 满意: 0.6, 很好: 0.6, 不错: 0.5, 喜欢: 0.6, 谢谢: 0.3, 感谢: 0.4, 好评: 0.7,
  完美: 0.8, 满分: 0.8, 推荐: 0.4, 划算: 0.5, 物美价廉: 0.7, 给力: 0.7, 赞: 0.6, 方便: 0.4, 快: 0.2, 慢: -0.4,
};

/** Words that flip the polarity of what follows (within a short window). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "won't", "can't", 'cannot',
  "couldn't", "wouldn't", "shouldn't", "haven't", "hasn't", 'hardly', 'without', 'nothing', 'nor', 'neither', 'dont', 'didnt',
  'isnt', 'wasnt', 'cant', 'wont', 'doesnt', 'aint', 'lack', 'lacks', 'lacking',
  '不', '没', '别', '未', '无', '非',
]);

/** Words that strengthen (> 1) or soften (< 1) the next sentiment word. */
export const INTENSIFIERS: Readonly<Record<string, number>> = {
  very: 1.4, really: 1.3, so: 1.3, extremely: 1.6, totally: 1.4, absolutely: 1.5, completely: 1.4, too: 1.2, super: 1.4,
  incredibly: 1.5, highly: 1.3, quite: 1.1, pretty: 1.1, most: 1.3, utterly: 1.6, all: 1.1,
  slightly: 0.6, somewhat: 0.7, kinda: 0.7, 'kind of': 0.7, barely: 0.5, 'a bit': 0.7, little: 0.7,
  很: 1.3, 非常: 1.5, 太: 1.4, 特别: 1.4, 超: 1.4, 超级: 1.5, 十分: 1.4, 真: 1.2, 挺: 1.1, 有点: 0.7, 比较: 0.8, 极其: 1.6,
};

/** How many tokens after a negator stay negated ("not at all happy"). */
export const NEGATION_WINDOW = 3;

/**
 * Marks negated tokens: every token within {@link NEGATION_WINDOW} after a negator gets a
 * `NOT_` prefix, so "not good" and "good" become different features; a clause break ends it.
 */
export function markNegation(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let left = 0;
  for (const token of tokens) {
    if (NEGATORS.has(token)) {
      left = NEGATION_WINDOW;
      out.push(token);
      continue;
    }
    if (token === 'but' || token === '但是' || token === '可是') left = 0;
    out.push(left > 0 ? `NOT_${token}` : token);
    if (left > 0) left--;
  }
  return out;
}

/** {@link SUPPORT_PHRASES} as pairs, listed once: every message is checked against all of them. */
const SUPPORT_PHRASE_LIST: ReadonlyArray<readonly [string, number]> = Object.entries(SUPPORT_PHRASES);

/** Support phrases found in a text with their summed polarity. */
export function supportPhraseScore(text: string): number {
  const normalized = normalizeText(text);
  let score = 0;
  for (const [phrase, polarity] of SUPPORT_PHRASE_LIST) {
    if (!normalized.includes(phrase)) continue;
    // A Chinese phrase right after 不/没 flips ("不满意" is listed on its own; "不太差" is not bad).
    const at = normalized.indexOf(phrase);
    const before = normalized.slice(Math.max(0, at - 1), at);
    score += NEGATORS.has(before) && !phrase.startsWith('不') ? -polarity : polarity;
  }
  return score;
}

/** Tokens for sentiment: words, with Chinese characters paired into bigrams as well. */
export function sentimentTokens(text: string): string[] {
  return tokenize(normalizeText(text));
}
