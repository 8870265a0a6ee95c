import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Order } from '../../store';
import type { ConversationMemory } from '../conversation-memory';
import { entityOf, textsOf } from '../turn';
import { MAX_PROMPT_ATTEMPTS, acceptAfterMaxAttempts, offerHuman } from './asking';

/** Id of the identity check every order skill starts with. */
export const ORDER_IDENTITY_DIALOG = 'orderIdentity';

const ORDER_NUMBER_PROMPT = 'orderNumberPrompt';
const EMAIL_PROMPT = 'emailPrompt';
const WATERFALL = 'orderIdentitySteps';
/**
 * Wrong order number + email pairs per conversation: past this the bot checks no more orders
 * in it, so order details cannot be guessed by trying emails.
 */
export const MAX_IDENTITY_FAILURES = 3;

/** What the identity check needs from the shop (the store fits). */
export interface OrderLookup {
  orders: {
    /** The order only if the email matches the one on it. */
    findByIdAndEmail(id: string, email: string): Order | undefined;
    findById(id: string): Order | undefined;
    listByCustomer(customerId: string, limit?: number): Order[];
  };
  conversations: { findById(id: string): { sessionId: string } | undefined };
  sessions: { findById(id: string): { customerId: string | null } | undefined };
}

/** The shop's customer signed in to this conversation's session (a signed identity from the shop), if any. */
export function signedInCustomer(shop: OrderLookup, context: TurnContext): string | undefined {
  const conversation = shop.conversations.findById(context.activity.conversation?.id ?? '');
  return (conversation && shop.sessions.findById(conversation.sessionId)?.customerId) ?? undefined;
}

/** What the shopper already said when an order skill starts. */
export interface OrderIdentityOptions {
  orderId?: string;
  email?: string;
}

interface StepValues {
  identity: IdentityState;
}

interface IdentityState extends OrderIdentityOptions {
  /** Wrong pairs in this run of the dialog. */
  pairs: number;
}

/**
 * The identity check shared by the order skills: the order number and the email on the order
 * must match before any detail is shown. An order proved earlier in the conversation is not
 * asked for again (`ConversationMemory.verifiedOrderIds`), and with no order number the last
 * order discussed is meant. A shopper signed in through the shop needs no email for their own
 * orders (with no number, their latest order is meant). Ends with the order id, or with nothing when the shopper could not
 * prove one (a person is offered then).
 */
export class OrderIdentityDialog extends ComponentDialog {
  constructor(
    private readonly shop: OrderLookup,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
  ) {
    super(ORDER_IDENTITY_DIALOG);
    this.addDialog(new TextPrompt(ORDER_NUMBER_PROMPT, (p) => acceptAfterMaxAttempts(p, entityOf(p.context, 'order_id') !== undefined)));
    this.addDialog(new TextPrompt(EMAIL_PROMPT, (p) => acceptAfterMaxAttempts(p, entityOf(p.context, 'email') !== undefined)));
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.askOrderNumber(s), (s) => this.askEmail(s), (s) => this.check(s)]));
    this.initialDialogId = WATERFALL;
  }

  private async askOrderNumber(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as Partial<IdentityState>;
    const state: IdentityState = { pairs: options.pairs ?? 0, orderId: options.orderId, email: options.email };
    (step.values as StepValues).identity = state;
    const memory = await this.memory.get(step.context, {});
    const verified = memory.verifiedOrderIds ?? [];
    // "Cancel my order" right after tracking one means that order; it was proved already.
    if (!state.orderId && memory.lastOrderId && verified.includes(memory.lastOrderId)) state.orderId = memory.lastOrderId;
    if (state.orderId && verified.includes(state.orderId)) return this.proved(step, state.orderId);
    const customer = signedInCustomer(this.shop, step.context);
    if (customer) {
      const own = state.orderId ? this.shop.orders.findById(state.orderId) : this.shop.orders.listByCustomer(customer, 1)[0];
      if (own && own.customerId === customer) return this.proved(step, own.id);
    }
    if ((memory.identityFailures ?? 0) >= MAX_IDENTITY_FAILURES) return this.fail(step, textsOf(step.context).shop.identityLocked);
    if (state.orderId) return step.next(state.orderId);
    const texts = textsOf(step.context);
    return step.prompt(ORDER_NUMBER_PROMPT, {
      prompt: state.pairs > 0 ? texts.orderNotFound : texts.askOrderNumber,
      retryPrompt: texts.reaskOrderNumber,
    });
  }

  private async askEmail(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = (step.values as StepValues).identity;
    state.orderId ??= entityOf(step.context, 'order_id');
    if (!state.orderId) return this.fail(step);
    state.email ??= entityOf(step.context, 'email');
    if (state.email) return step.next(state.email);
    const texts = textsOf(step.context);
    return step.prompt(EMAIL_PROMPT, { prompt: texts.askEmail, retryPrompt: texts.reaskEmail });
  }

  private async check(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = (step.values as StepValues).identity;
    state.email ??= entityOf(step.context, 'email');
    if (!state.orderId || !state.email) return this.fail(step);
    const order = this.shop.orders.findByIdAndEmail(state.orderId, state.email);
    if (order) return this.proved(step, order.id);
    const memory = await this.memory.get(step.context, {});
    const failures = (memory.identityFailures ?? 0) + 1;
    await this.memory.set(step.context, { ...memory, identityFailures: failures });
    const texts = textsOf(step.context);
    if (failures >= MAX_IDENTITY_FAILURES) return this.fail(step, texts.shop.identityLocked);
    if (state.pairs + 1 >= MAX_PROMPT_ATTEMPTS) return this.fail(step, texts.tooManyAttempts);
    return step.replaceDialog(WATERFALL, { pairs: state.pairs + 1 } satisfies Partial<IdentityState>);
  }

  private async proved(step: WaterfallStepContext, orderId: string): Promise<DialogTurnResult> {
    const memory = await this.memory.get(step.context, {});
    const verifiedOrderIds = [...new Set([...(memory.verifiedOrderIds ?? []), orderId])];
    await this.memory.set(step.context, { ...memory, lastOrderId: orderId, verifiedOrderIds });
    return step.endDialog(orderId);
  }

  private async fail(step: WaterfallStepContext, reason?: string): Promise<DialogTurnResult> {
    await offerHuman(step.context, reason);
    return step.endDialog();
  }
}
