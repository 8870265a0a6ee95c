/**
 * How shoppers ask for suggestions around a product, in English and Chinese. The NLU reads these
 * as catalog questions or not at all ("something like the white lantern" names a product, so it
 * looks like a question about it); the words themselves are unambiguous, so they decide.
 */
export const SIMILAR_TO =
  /\b(?:something|anything|items?|products?|stuff|more)\s+(?:like|similar to)\b|\bsimilar to\b|\balternatives?\s+to\b|类似|相似|差不多的/iu;

/** "What goes with this?", "what pairs with the teapot?", "这个搭配什么好". */
export const GOES_WITH =
  /\bgo(?:es)?\s+(?:well\s+)?(?:with|together)\b|\bpairs?\s+(?:well\s+)?with\b|\bmatch(?:es)?\s+(?:with\s+)?(?:this|it|that)\b|\bbought\s+with\b|搭配|配什么/iu;

/** True when a message asks for products like, or going with, another one. */
export function asksAroundAProduct(text: string): boolean {
  return SIMILAR_TO.test(text) || GOES_WITH.test(text);
}
