import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { detectLocale } from '../text';
import type { Locale, Sentiment } from '../types';
import type { Lexicon } from './features';
import { SentimentModel } from './model';

/** Folder of the shipped sentiment models and lexicon, relative to the repository root. */
export const SENTIMENT_MODEL_DIR = path.join('nlu', 'models', 'sentiment');

/** Finds a shipped model file from sources (`nlu/`) or the compiled tree (`dist/nlu/`). */
export function shippedFile(...parts: string[]): string {
  const candidates = [path.resolve(__dirname, '..', 'models', ...parts), path.resolve(__dirname, '..', '..', '..', 'nlu', 'models', ...parts)];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`shipped NLU file missing: nlu/models/${parts.join('/')}`);
  return found;
}

const LEXICON = z.record(z.string(), z.number());

/** The shipped polarity lexicon of a language (English: VADER's; Chinese: none, the model has learned it). */
export function loadLexicon(locale: Locale): Lexicon {
  if (locale === 'zh') return {};
  return LEXICON.parse(JSON.parse(fs.readFileSync(shippedFile('sentiment', 'lexicon-en.json'), 'utf8')));
}

/** Sentiment in both languages: the model of the message's detected language. */
export class BilingualSentiment {
  constructor(private readonly models: Readonly<Record<Locale, SentimentModel>>) {}

  /** Loads the shipped models. */
  static loadShipped(): BilingualSentiment {
    const load = (locale: Locale): SentimentModel =>
      SentimentModel.fromState(JSON.parse(fs.readFileSync(shippedFile('sentiment', `${locale}.json`), 'utf8')), loadLexicon(locale));
    return new BilingualSentiment({ en: load('en'), zh: load('zh') });
  }

  /** Sentiment of one message; `locale` is used only when the text does not show its language. */
  analyze(text: string, locale: Locale = 'en'): Sentiment {
    return this.models[detectLocale(text, locale)].analyze(text);
  }
}
