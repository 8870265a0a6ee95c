import type { Locale } from '../../nlu';

/** What a suggestion's reason says, naming the product it comes from. */
export type ReasonText =
  | { kind: 'also_bought'; name: string }
  | { kind: 'similar_viewed'; name: string }
  | { kind: 'similar_content'; name: string }
  | { kind: 'popular' }
  | { kind: 'for_you' };

/** Sentences of the recommendations (bot/recommendations and its skill). */
export interface RecommendationTexts {
  forYou: string;
  similarTo(name: string): string;
  goesWith(name: string): string;
  withinBudget(amount: string): string;
  nothingFound: string;
  /** Asked when "something like that" names no product the bot can find. */
  whichProduct: string;
  reason(reason: ReasonText): string;
  /** Quick replies after suggestions. */
  followUps: string[];
}

const EN: RecommendationTexts = {
  forYou: 'Here are a few ideas for you:',
  similarTo: (name) => `Here's what's like ${name}:`,
  goesWith: (name) => `These go well with ${name}:`,
  withinBudget: (amount) => `Ideas within your budget of ${amount}:`,
  nothingFound: "I couldn't find anything that fits right now. Try a different budget or tell me what it's for.",
  whichProduct: 'Which product do you mean? Tell me its name, or open it in the shop and ask me again.',
  reason: (r) => {
    switch (r.kind) {
      case 'also_bought':
        return `Customers who bought ${r.name} also bought this`;
      case 'similar_viewed':
        return `Similar to ${r.name}, which you viewed`;
      case 'similar_content':
        return `Similar to ${r.name}`;
      case 'popular':
        return 'Popular in our shop';
      case 'for_you':
        return 'Picked for you from what you browsed and bought';
      default:
        return r satisfies never;
    }
  },
  followUps: ['Something cheaper', 'What goes with it?'],
};

const ZH: RecommendationTexts = {
  forYou: '为您推荐以下商品：',
  similarTo: (name) => `与「${name}」相似的商品：`,
  goesWith: (name) => `适合与「${name}」搭配的商品：`,
  withinBudget: (amount) => `符合您 ${amount} 预算的推荐：`,
  nothingFound: '暂时没有找到合适的商品。可以换个预算，或告诉我用途。',
  whichProduct: '您指的是哪件商品？请告诉我商品名称，或在店里打开商品页后再问我。',
  reason: (r) => {
    switch (r.kind) {
      case 'also_bought':
        return `买了「${r.name}」的顾客也买了它`;
      case 'similar_viewed':
        return `与您看过的「${r.name}」相似`;
      case 'similar_content':
        return `与「${r.name}」相似`;
      case 'popular':
        return '店内热销';
      case 'for_you':
        return '根据您的浏览和购买为您挑选';
      default:
        return r satisfies never;
    }
  },
  followUps: ['便宜一点的', '搭配什么好？'],
};

/** The recommendation sentences of a locale. */
export function recommendationTexts(locale: Locale | string | undefined): RecommendationTexts {
  return locale === 'zh' ? ZH : EN;
}
