import type { TurnContext } from 'botbuilder';
import type { Understanding } from '../nlu';
import { textsFor, type ReplyTexts } from './texts';

const UNDERSTANDING_KEY = Symbol('shopkeep.understanding');

/** Keeps what the NLU understood of this turn's message on the turn, for dialogs and validators. */
export function setUnderstanding(context: TurnContext, understanding: Understanding): void {
  context.turnState.set(UNDERSTANDING_KEY, understanding);
}

/** What the NLU understood of this turn's message (set by the bot before any dialog runs). */
export function understandingOf(context: TurnContext): Understanding {
  const understanding = context.turnState.get(UNDERSTANDING_KEY) as Understanding | undefined;
  if (!understanding) throw new Error('the turn has no understanding: ShopBot sets it before dialogs run');
  return understanding;
}

/** The replies in the language of this turn's message. */
export function textsOf(context: TurnContext): ReplyTexts {
  return textsFor(understandingOf(context).locale);
}

/** The first entity of a type in this turn's message. */
export function entityOf(context: TurnContext, type: Understanding['entities'][number]['type']): string | undefined {
  return understandingOf(context).entities.find((e) => e.type === type)?.value;
}
