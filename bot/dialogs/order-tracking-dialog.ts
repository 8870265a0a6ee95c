import { MessageFactory } from 'botbuilder';
import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { StatePropertyAccessor } from 'botbuilder';
import type { Order } from '../../store';
import { entityOf, textsOf } from '../turn';
import type { ConversationMemory } from '../conversation-memory';

/** Id of the order tracking dialog. */
export const ORDER_TRACKING_DIALOG = 'orderTracking';

const ORDER_NUMBER_PROMPT = 'orderNumberPrompt';
const EMAIL_PROMPT = 'emailPrompt';
const WATERFALL = 'orderTrackingSteps';
/** A question is asked at most this many times before the bot offers a human instead. */
const MAX_PROMPT_ATTEMPTS = 2;
/** Wrong order number + email pairs allowed per conversation, so order details cannot be guessed. */
const MAX_IDENTITY_ATTEMPTS = 3;

/** What the dialog needs from the shop. */
export interface OrderLookup {
  /** The order only if the email matches the one on it. */
  findByIdAndEmail(id: string, email: string): Order | undefined;
}

/** Options the dialog starts with: whatever the shopper already said. */
export interface OrderTrackingOptions {
  orderId?: string;
  email?: string;
}

interface TrackingState extends OrderTrackingOptions {
  attempts: number;
}

interface StepValues {
  tracking: TrackingState;
}

async function acceptAfterMaxAttempts(prompt: PromptValidatorContext<string>, valid: boolean): Promise<boolean> {
  // Accepting after the last attempt lets the next step see the answer is still missing and
  // offer a human, instead of the prompt asking the same question forever.
  return valid || prompt.attemptCount >= MAX_PROMPT_ATTEMPTS;
}

/**
 * Order tracking: asks for the order number and the email on the order (skipping what the
 * shopper already gave), checks both against the store, and tells status, carrier, tracking
 * number and ETA. Remembers the order for follow-ups ("and when will it arrive?").
 */
export class OrderTrackingDialog extends ComponentDialog {
  constructor(
    private readonly orders: OrderLookup,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
  ) {
    super(ORDER_TRACKING_DIALOG);
    this.addDialog(
      new TextPrompt(ORDER_NUMBER_PROMPT, (p) => acceptAfterMaxAttempts(p, entityOf(p.context, 'order_id') !== undefined)),
    );
    this.addDialog(new TextPrompt(EMAIL_PROMPT, (p) => acceptAfterMaxAttempts(p, entityOf(p.context, 'email') !== undefined)));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        (step) => this.askOrderNumber(step),
        (step) => this.askEmail(step),
        (step) => this.tellStatus(step),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  private state(step: WaterfallStepContext): TrackingState {
    const options = (step.options ?? {}) as Partial<TrackingState>;
    return { attempts: options.attempts ?? 0, orderId: options.orderId, email: options.email };
  }

  private async askOrderNumber(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.state(step);
    (step.values as StepValues).tracking = state;
    if (state.orderId) return step.next(state.orderId);
    const texts = textsOf(step.context);
    return step.prompt(ORDER_NUMBER_PROMPT, {
      prompt: state.attempts > 0 ? texts.orderNotFound : texts.askOrderNumber,
      retryPrompt: texts.reaskOrderNumber,
    });
  }

  private async askEmail(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = (step.values as StepValues).tracking;
    state.orderId ??= entityOf(step.context, 'order_id');
    if (!state.orderId) return this.giveUp(step);
    state.email ??= entityOf(step.context, 'email');
    if (state.email) return step.next(state.email);
    const texts = textsOf(step.context);
    return step.prompt(EMAIL_PROMPT, { prompt: texts.askEmail, retryPrompt: texts.reaskEmail });
  }

  private async tellStatus(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = (step.values as StepValues).tracking;
    state.email ??= entityOf(step.context, 'email');
    if (!state.orderId || !state.email) return this.giveUp(step);
    const order = this.orders.findByIdAndEmail(state.orderId, state.email);
    if (!order) {
      const attempts = state.attempts + 1;
      if (attempts >= MAX_IDENTITY_ATTEMPTS) return this.giveUp(step);
      return step.replaceDialog(WATERFALL, { attempts } satisfies Partial<TrackingState>);
    }
    const memory = await this.memory.get(step.context, {});
    memory.lastOrderId = order.id;
    memory.verifiedOrderIds = [...new Set([...(memory.verifiedOrderIds ?? []), order.id])];
    await this.memory.set(step.context, memory);
    const texts = textsOf(step.context);
    await step.context.sendActivity(
      texts.orderStatus({
        id: order.id,
        status: order.status,
        carrier: order.carrier,
        trackingNumber: order.trackingNumber,
        eta: order.eta ? texts.formatDate(order.eta) : null,
        deliveredAt: order.deliveredAt ? texts.formatDate(order.deliveredAt) : null,
        placedAt: texts.formatDate(order.placedAt),
      }),
    );
    return step.endDialog(order.id);
  }

  private async giveUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const texts = textsOf(step.context);
    await step.context.sendActivity(MessageFactory.suggestedActions(texts.suggestions, texts.tooManyAttempts));
    return step.endDialog();
  }
}
