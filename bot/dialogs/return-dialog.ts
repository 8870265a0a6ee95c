import { TextPrompt, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Order, ReturnRecord, ShopPolicies } from '../../store';
import type { ReplyTexts } from '../texts';
import type { ReturnRefusal } from '../texts/shop-types';
import type { BotServices } from '../skill';
import { textsOf } from '../turn';
import { acceptAfterMaxAttempts, botActor, offerHuman, question } from './asking';
import { OrderDialog } from './order-dialog';

/** Id of the return dialog. */
export const RETURN_DIALOG = 'returnRequest';
const REASON_PROMPT = 'returnReasonPrompt';
const DAY_MS = 86_400_000;
/** A reason is a few words: at least this many letters (one Chinese character counts as one). */
const MIN_REASON_LETTERS = 2;

/** Why an order cannot be returned now, with the detail the reply names; undefined when it can. */
export function returnRefusal(
  order: Order,
  returns: readonly ReturnRecord[],
  policies: ShopPolicies,
  now: number,
  texts: ReplyTexts,
): { why: ReturnRefusal; detail: string } | undefined {
  switch (order.status) {
    case 'pending':
    case 'paid':
    case 'processing':
      return { why: 'not_dispatched', detail: '' };
    case 'shipped':
      return { why: 'in_transit', detail: '' };
    case 'cancelled':
    case 'refunded':
      return { why: 'closed', detail: texts.statusName(order.status) };
    case 'delivered':
      break;
    default:
      return order.status satisfies never;
  }
  const open = returns.find((r) => r.status === 'requested' || r.status === 'received');
  if (open) return { why: 'already_open', detail: open.rma };
  const from = Date.parse(order.deliveredAt ?? order.placedAt);
  const deadline = from + policies.returnWindowDays * DAY_MS;
  if (now > deadline) return { why: 'window_passed', detail: texts.formatDate(new Date(deadline).toISOString()) };
  return undefined;
}

/**
 * Starting a return: eligibility from the delivery date and the shop's return window, a reason,
 * then a return record with its RMA number (audited).
 */
export class ReturnDialog extends OrderDialog {
  constructor(services: BotServices) {
    super(RETURN_DIALOG, services, [(s, o) => this.askReason(s, o), (s, o) => this.create(s, o)]);
    this.addDialog(
      new TextPrompt(REASON_PROMPT, (p: PromptValidatorContext<string>) =>
        acceptAfterMaxAttempts(p, (p.recognized.value ?? '').replace(/[^\p{L}]/gu, '').length >= MIN_REASON_LETTERS),
      ),
    );
  }

  private async askReason(step: WaterfallStepContext, order: Order): Promise<DialogTurnResult> {
    const texts = textsOf(step.context);
    const { store } = this.services;
    const refusal = returnRefusal(order, store.returns.listByOrder(order.id), store.policies.get(), store.clock.now(), texts);
    if (refusal) {
      const replies = refusal.why === 'not_dispatched' ? [texts.shop.phrases.cancelOrder] : [];
      await step.context.sendActivity(question(step.context, texts.shop.notReturnable(order.id, refusal.why, refusal.detail), replies));
      return step.endDialog();
    }
    return step.prompt(REASON_PROMPT, {
      prompt: question(step.context, texts.shop.askReturnReason(order.id), texts.shop.returnReasons),
      retryPrompt: question(step.context, texts.shop.reaskReturnReason, texts.shop.returnReasons),
    });
  }

  private async create(step: WaterfallStepContext, order: Order): Promise<DialogTurnResult> {
    const reason = String(step.result ?? '').trim();
    if (reason.replace(/[^\p{L}]/gu, '').length < MIN_REASON_LETTERS) {
      await offerHuman(step.context);
      return step.endDialog();
    }
    const { store } = this.services;
    const created = store.orderChanges.createReturn(order, reason, botActor(step.context));
    const policies = store.policies.get();
    const shop = textsOf(step.context).shop;
    await step.context.sendActivity(
      shop.returnCreated({
        rma: created.rma,
        orderId: order.id,
        refund: shop.formatMoney(created.refundMinor, created.currency),
        refundDays: policies.refundProcessingDays,
        freeReturns: policies.freeReturns,
      }),
    );
    return step.endDialog(created.rma);
  }
}
