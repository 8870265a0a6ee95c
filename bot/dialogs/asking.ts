import { MessageFactory, type TurnContext } from 'botbuilder';
import type { DialogTurnResult, PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import { textsOf, understandingOf } from '../turn';

/** A question is asked at most this many times before the bot offers a human instead. */
export const MAX_PROMPT_ATTEMPTS = 2;

/**
 * Validator ending: accepting after the last attempt lets the next step see that the answer is
 * still missing and offer a human, instead of the prompt asking the same question forever.
 */
export function acceptAfterMaxAttempts(prompt: PromptValidatorContext<string>, valid: boolean): Promise<boolean> {
  return Promise.resolve(valid || prompt.attemptCount >= MAX_PROMPT_ATTEMPTS);
}

/** Says a person can help, with a quick reply that asks for one (the handoff itself is not the skills' job). */
export async function offerHuman(context: TurnContext, before?: string): Promise<void> {
  const shop = textsOf(context).shop;
  const text = before ? `${before} ${shop.offerHuman}` : shop.offerHuman;
  await context.sendActivity(MessageFactory.suggestedActions([shop.talkToHuman], text));
}

/** A question with quick replies. */
export function question(context: TurnContext, text: string, replies: readonly string[]): Partial<import('botbuilder').Activity> {
  return MessageFactory.suggestedActions([...replies], text);
}

/** A message that opens with a yes ("yes, cancel it") is a yes whatever else the NLU reads in it. */
const LEADING_YES = /^(?:yes|yeah|yep|sure|ok(?:ay)?|please do|go ahead)\b|^(?:是|好|对|确定|可以)/iu;
const LEADING_NO = /^(?:no|nope|don'?t|do not)\b|^(?:不|别|否)/iu;

/** Whether a message opens with a yes: then "yes, cancel it" confirms rather than leaves the dialog. */
export function opensWithYes(text: string): boolean {
  return LEADING_YES.test(text.trim());
}

/** The shopper's yes or no in this turn's message, from the NLU (affirm/deny), its first word or the quick replies. */
export function yesOrNo(context: TurnContext): 'yes' | 'no' | undefined {
  const understanding = understandingOf(context);
  const [yes, no] = textsOf(context).shop.yesNo;
  const text = understanding.text.trim();
  if (text === yes || opensWithYes(text)) return 'yes';
  if (text === no || LEADING_NO.test(text)) return 'no';
  if (understanding.intent === 'affirm') return 'yes';
  if (understanding.intent === 'deny') return 'no';
  return undefined;
}

/** Validator of yes/no questions. */
export function yesNoValidator(prompt: PromptValidatorContext<string>): Promise<boolean> {
  return acceptAfterMaxAttempts(prompt, yesOrNo(prompt.context) !== undefined);
}

/** Who the audit log says made a change: the bot, in this conversation. */
export function botActor(context: TurnContext): string {
  return `bot:${context.activity.conversation?.id ?? 'unknown'}`;
}

/** Asks a yes/no question (with Yes/No quick replies) through a prompt using {@link yesNoValidator}. */
export function askYesNo(step: WaterfallStepContext, promptId: string, text: string): Promise<DialogTurnResult> {
  const shop = textsOf(step.context).shop;
  return step.prompt(promptId, {
    prompt: question(step.context, text, shop.yesNo),
    retryPrompt: question(step.context, shop.reaskYesNo, shop.yesNo),
  });
}

/**
 * Reads the answer to a yes/no question: true on a yes. On a no it says `keptText`; with no
 * answer after the last attempt it offers a person. Either way the caller then ends its dialog.
 */
export async function confirmed(step: WaterfallStepContext, keptText: string): Promise<boolean> {
  const answer = yesOrNo(step.context);
  if (answer === 'yes') return true;
  if (answer === 'no') await step.context.sendActivity(keptText);
  else await offerHuman(step.context);
  return false;
}
