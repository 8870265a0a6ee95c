import type { Locale } from '../../nlu';
import { EN } from './en';
import type { ReplyTexts } from './types';
import { ZH } from './zh';

export type { OrderFacts, ReplyTexts } from './types';
export type { ShopTexts } from './shop-types';
export type { HandoffTexts } from './handoff-types';
export type { OfferTexts } from './offer-types';

const TEXTS: Record<Locale, ReplyTexts> = { en: EN, zh: ZH };

/** The replies of a locale; English for anything unknown. */
export function textsFor(locale: string | undefined): ReplyTexts {
  return locale === 'zh' ? TEXTS.zh : TEXTS.en;
}
