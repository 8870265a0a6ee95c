import { MessageFactory, type TurnContext } from 'botbuilder';
import type { Understanding } from '../../nlu';
import type { FollowUp, Handoff, HandoffTrigger, Store } from '../../store';
import type { TurnHooks } from '../skill';
import { textsOf, understandingOf } from '../turn';
import { whenCommitted, withTurnCommit } from '../turn-writes';
import { detectFrustration, readingsForFrustration, type FrustrationOptions, DEFAULT_FRUSTRATION } from './frustration';
import type { HandoffService } from './handoff-service';
import { humansOwn } from './state-machine';
import type { WaitEstimate } from './routing';

/** Longest follow-up message kept, in characters. */
const MAX_FOLLOW_UP = 2000;
/** The shopper's recent messages the frustration tracker reads (it weighs the last three read ones). */
const FRUSTRATION_WINDOW = 4;
/** The bot's recent messages searched for the CSAT question a rating answers. */
const CSAT_WINDOW = 10;

/** A CSAT answer: a digit 1–5, optionally "/5", "stars" or 星/分; or a row of ★. */
export function parseRating(text: string): number | undefined {
  const t = text.trim();
  const stars = /^★{1,5}$/u.exec(t);
  if (stars) return t.length;
  const m = /^([1-5])\s*(?:\/\s*5)?\s*(?:stars?|星|分)?\s*[.!。！]?$/iu.exec(t);
  return m ? Number(m[1]) : undefined;
}

/**
 * True while humans own a conversation (a handoff is queued, assigned or transferred). Anything
 * that speaks to shoppers outside the bot's dialogs (offers, reminders) must check it: the bot
 * sends nothing then.
 */
export function humansOwnConversation(store: Store, conversationId: string): boolean {
  return store.handoffs.activeFor(conversationId) !== undefined;
}

/**
 * How sure the NLU must be (its confidence is calibrated) before a reading alone hands the
 * conversation to a person: a wrong handoff costs an agent's time and leaves the shopper
 * waiting, while a missed one is cheap to recover (the shopper asks again, or frustration is
 * detected over the next turns).
 */
export const HANDOFF_CONFIDENCE = 0.7;
/** Words that ask for a person outright, whatever else the message says. */
const ASKS_FOR_PERSON = /\b(?:human|person|agent|someone|somebody|representative|operator|staff)\b|人工|真人|客服|转人工/iu;

/**
 * What opens a handoff from one message: a confident ask for a person (or one that names a
 * person), or a complaint that is confident or plainly negative. A message that answers a
 * question (an order number, an email) is never read as a complaint unless it is negative.
 */
export function triggerOf(u: Understanding): HandoffTrigger | undefined {
  if (u.intent === 'talk_to_human' && (u.confidence >= HANDOFF_CONFIDENCE || ASKS_FOR_PERSON.test(u.text))) return 'asked';
  if (u.intent !== 'complaint') return undefined;
  const negative = u.sentiment.label === 'negative';
  const answers = u.entities.some((e) => e.type === 'order_id' || e.type === 'email');
  return negative || (u.confidence >= HANDOFF_CONFIDENCE && !answers) ? 'complaint' : undefined;
}

/**
 * The bot's side of human handoff, as `TurnHooks`: while humans own the conversation the bot
 * says nothing and the message goes to the agents; an explicit ask, a complaint or frustration
 * (from the stored annotations) opens a handoff; after a resolution the next message may be the
 * CSAT rating; when nobody was online the shopper may leave a message for an email reply.
 */
export class HandoffHook implements TurnHooks {
  constructor(
    private readonly service: HandoffService,
    private readonly frustration: FrustrationOptions = DEFAULT_FRUSTRATION,
  ) {}

  private get store(): Store {
    return this.service.store;
  }

  async beforeDialogs(context: TurnContext, u: Understanding): Promise<boolean> {
    const conversationId = context.activity.conversation.id;
    // The active handoff, or else the last one, whose end starts the frustration tracker afresh.
    const current = this.store.handoffs.currentFor(conversationId);
    if (current && humansOwn(current.status)) return (await this.reopenedHandoff(context, current)) || this.whileHumansOwn(context, u);
    if (await this.takeRating(context, u)) return true;
    // Also without any handoff: when nobody was online none was opened, only the follow-up.
    const followUp = this.store.handoffExtras.pendingFollowUp(conversationId);
    if (followUp && (await this.continueFollowUp(context, u, followUp))) return true;
    const trigger = triggerOf(u) ?? (this.frustrated(context, current?.endedAt ?? '') ? 'frustration' : undefined);
    if (!trigger) return false;
    await this.open(context, u, trigger);
    return true;
  }

  /**
   * A handoff opens as soon as the turn decides on it, so agents see it at once; the turn commits
   * its reply later. When the server stopped in between,
   * the restart runs the same message again: it finds what its first run opened, and tells the
   * shopper what they never heard instead of passing the message on unanswered.
   */
  private async reopenedHandoff(context: TurnContext, handoff: Handoff): Promise<boolean> {
    const messageId = context.activity.id;
    if (!messageId || this.store.handoffs.activeOpenedBy(messageId)?.id !== handoff.id) return false;
    await context.sendActivity(this.openingText(context, handoff.trigger, this.service.waitFor(handoff)));
    return true;
  }

  private async whileHumansOwn(context: TurnContext, u: Understanding): Promise<boolean> {
    const conversationId = context.activity.conversation.id;
    const active = this.store.handoffs.activeFor(conversationId);
    if (!active) return false;
    if (active.status !== 'assigned' && u.intent === 'cancel' && this.service.cancelByShopper(conversationId)) {
      await context.sendActivity(textsOf(context).handoff.cancelled);
      return true;
    }
    if (context.activity.id) this.service.shopperWrote(conversationId, context.activity.id);
    // Nobody owns it yet and the shopper asks again: tell them the wait (an agent's chat stays silent).
    if (active.status !== 'assigned' && triggerOf(u) === 'asked') {
      const wait = this.service.waitFor(active);
      if (wait.kind === 'minutes') await context.sendActivity(textsOf(context).handoff.stillWaiting(wait.minutes));
    }
    return true;
  }

  private async open(context: TurnContext, u: Understanding, trigger: HandoffTrigger): Promise<void> {
    const messageId = context.activity.id || undefined;
    const { wait } = this.service.request({
      conversationId: context.activity.conversation.id,
      trigger,
      language: u.locale,
      intent: this.lastRequestIntent(context.activity.conversation.id) ?? u.intent,
      sentimentScore: u.sentiment.score,
      ...(messageId ? { openedByMessage: messageId } : {}),
    });
    await context.sendActivity(this.openingText(context, trigger, wait));
    const conversationId = context.activity.conversation.id;
    if (wait.kind === 'nobody_online') withTurnCommit(context, () => this.store.handoffExtras.openFollowUp(conversationId));
  }

  /** What the bot says when it hands the conversation over: why, and how long the wait is. */
  private openingText(context: TurnContext, trigger: HandoffTrigger, wait: WaitEstimate): string {
    const texts = textsOf(context).handoff;
    const opening = trigger === 'asked' ? texts.openAsked : trigger === 'complaint' ? texts.openComplaint : texts.openFrustration;
    return `${opening} ${this.waitText(context, wait)}`;
  }

  private waitText(context: TurnContext, wait: WaitEstimate): string {
    const texts = textsOf(context).handoff;
    switch (wait.kind) {
      case 'nobody_online':
        return texts.nobodyOnline;
      case 'minutes':
        return texts.wait(wait.minutes);
      default:
        return wait satisfies never;
    }
  }

  /** The intent of the shopper's last real request (what the agent should help with), not "talk to a human". */
  private lastRequestIntent(conversationId: string): string | undefined {
    const skip = new Set(['talk_to_human', 'complaint', 'out_of_scope', 'greeting', 'thanks', 'affirm', 'deny', 'cancel']);
    return this.store.conversations
      .messages(conversationId, 30)
      .filter((m) => m.role === 'shopper' && m.annotations && !skip.has(m.annotations.intent))
      .at(-1)?.annotations?.intent;
  }

  /** Frustration in the shopper's messages since the last handoff ended at `since` (a fresh start after each). */
  private frustrated(context: TurnContext, since: string): boolean {
    // The message's own reading, as stored (the hooks get the routed intent): most messages
    // cannot end a frustration signal, and for them the transcript is not read; a request can
    // only repeat the one before, and only that one is read.
    const { sentiment, ...reading } = understandingOf(context);
    const needed = readingsForFrustration({ ...reading, sentimentLabel: sentiment.label, sentimentScore: sentiment.score }, FRUSTRATION_WINDOW, this.frustration);
    if (needed === 0) return false;
    const conversationId = context.activity.conversation.id;
    let messages = this.store.conversations.shopperReadings(conversationId, since, needed);
    // A message without a reading (its turn never ran) does not count: look further back past it.
    if (needed < FRUSTRATION_WINDOW && messages.some((m) => m.annotations === null)) {
      messages = this.store.conversations.shopperReadings(conversationId, since, FRUSTRATION_WINDOW);
    }
    return detectFrustration(messages, this.frustration) !== undefined;
  }

  /** The answer to the CSAT question, when the bot's last message asked it. */
  private async takeRating(context: TurnContext, u: Understanding): Promise<boolean> {
    // Most messages are no rating: the transcript is read only for one that could be.
    const score = parseRating(u.text);
    if (score === undefined) return false;
    const conversationId = context.activity.conversation.id;
    const lastBot = this.store.conversations
      .messages(conversationId, CSAT_WINDOW)
      .filter((m) => m.role !== 'shopper')
      .at(-1);
    const handoffId = lastBot?.payload?.csat;
    if (typeof handoffId !== 'string') return false;
    const handoff = this.store.handoffs.findById(handoffId);
    if (!handoff) return false;
    // Already rated while the bot's last word is still the question: this message's own first run
    // stored the rating and the server stopped before the thanks was committed. Thank them now.
    const rated = this.store.handoffExtras.rate(handoff.id, conversationId, handoff.agentId, score) || this.store.handoffExtras.ratingOf(handoff.id) !== undefined;
    if (!rated) return false;
    await context.sendActivity(textsOf(context).handoff.csatThanks);
    return true;
  }

  private async continueFollowUp(context: TurnContext, u: Understanding, followUp: FollowUp): Promise<boolean> {
    const texts = textsOf(context).handoff;
    // Each step is stored with the turn: a rerun after a crash takes the same message the same way.
    const update = (change: Parameters<Store['handoffExtras']['updateFollowUp']>[1]): void =>
      withTurnCommit(context, () => this.store.handoffExtras.updateFollowUp(followUp.id, change));
    if (u.intent === 'cancel' || u.intent === 'deny') {
      update({ status: 'dropped' });
      await context.sendActivity(texts.followUpDropped);
      return true;
    }
    if (followUp.status === 'awaiting_message') {
      const stored = { ...followUp, status: 'stored' as const, text: u.text.slice(0, MAX_FOLLOW_UP) };
      update({ status: stored.status, text: stored.text });
      whenCommitted(context, () => this.service.events.emit({ type: 'follow_up', followUp: stored }));
      await context.sendActivity(texts.followUpStored(followUp.email ?? ''));
      return true;
    }
    const email = u.entities.find((e) => e.type === 'email')?.value;
    if (!email) {
      // Not an email: the shopper moved on; the offer lapses and the bot answers normally.
      update({ status: 'dropped' });
      return false;
    }
    update({ status: 'awaiting_message', email });
    await context.sendActivity(MessageFactory.text(texts.followUpAskMessage));
    return true;
  }
}
