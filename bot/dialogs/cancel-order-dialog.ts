import { TextPrompt, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { BEFORE_DISPATCH, type Order } from '../../store';
import type { BotServices } from '../skill';
import { textsOf } from '../turn';
import { askYesNo, botActor, confirmed, question, yesNoValidator } from './asking';
import { OrderDialog } from './order-dialog';

/** Id of the cancel-order dialog. */
export const CANCEL_ORDER_DIALOG = 'cancelOrder';
const CONFIRM_PROMPT = 'confirmCancelPrompt';

/**
 * Whether an order can still be changed; tells the shopper why not when it cannot.
 * @returns true when the order has not left the warehouse
 */
export async function stillChangeable(step: WaterfallStepContext, order: Order, what: 'cancel' | 'address'): Promise<boolean> {
  const texts = textsOf(step.context);
  const status = texts.statusName(order.status);
  if (order.status === 'cancelled' || order.status === 'refunded') {
    await step.context.sendActivity(texts.shop.orderClosed(order.id, status));
    return false;
  }
  if (!BEFORE_DISPATCH.includes(order.status)) {
    const replies = order.status === 'delivered' ? [texts.shop.phrases.startReturn] : [];
    await step.context.sendActivity(question(step.context, texts.shop.notBeforeDispatch(order.id, status, what), replies));
    return false;
  }
  return true;
}

/**
 * Cancelling an order: only before dispatch, and only after the shopper confirms. The
 * cancellation is recorded in the audit log.
 */
export class CancelOrderDialog extends OrderDialog {
  constructor(services: BotServices) {
    super(CANCEL_ORDER_DIALOG, services, [(s, o) => this.confirm(s, o), (s, o) => this.cancel(s, o)]);
    this.addDialog(new TextPrompt(CONFIRM_PROMPT, yesNoValidator));
  }

  private async confirm(step: WaterfallStepContext, order: Order): Promise<DialogTurnResult> {
    if (!(await stillChangeable(step, order, 'cancel'))) return step.endDialog();
    const shop = textsOf(step.context).shop;
    return askYesNo(step, CONFIRM_PROMPT, shop.confirmCancel(order.id, shop.formatMoney(order.totalMinor, order.currency)));
  }

  private async cancel(step: WaterfallStepContext, order: Order): Promise<DialogTurnResult> {
    const shop = textsOf(step.context).shop;
    if (!(await confirmed(step, shop.cancelKept(order.id)))) return step.endDialog();
    const done = this.services.store.orderChanges.cancel(order.id, botActor(step.context));
    if (!done.ok) {
      await stillChangeable(step, done.order ?? order, 'cancel');
      return step.endDialog();
    }
    await step.context.sendActivity(shop.cancelDone(order.id, this.services.store.policies.get().refundProcessingDays));
    return step.endDialog(order.id);
  }
}
