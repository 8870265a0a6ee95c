import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStep, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Order } from '../../store';
import type { BotServices } from '../skill';
import { ORDER_IDENTITY_DIALOG, OrderIdentityDialog, type OrderIdentityOptions } from './order-identity-dialog';

interface OrderValues {
  orderId: string;
}

/** A step that runs once the shopper has proved the order. */
export type OrderStep = (step: WaterfallStepContext, order: Order) => Promise<DialogTurnResult>;

/**
 * A skill about one order: the identity check first, then the skill's own steps, each given
 * the proved order (read fresh from the store, so a change made meanwhile is seen).
 * Started with {@link OrderIdentityOptions}.
 */
export class OrderDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly services: BotServices,
    steps: readonly OrderStep[],
  ) {
    super(id);
    this.addDialog(new OrderIdentityDialog(services.store, services.memory));
    const waterfall: WaterfallStep[] = [
      (step) => step.beginDialog(ORDER_IDENTITY_DIALOG, step.options as OrderIdentityOptions),
      async (step) => {
        const orderId = step.result as string | undefined;
        if (!orderId) return step.endDialog();
        (step.values as OrderValues).orderId = orderId;
        return step.next();
      },
      ...steps.map((run): WaterfallStep => (step) => run(step, this.orderOf(step))),
    ];
    this.addDialog(new WaterfallDialog(`${id}Steps`, waterfall));
    this.initialDialogId = `${id}Steps`;
  }

  private orderOf(step: WaterfallStepContext): Order {
    const { orderId } = step.values as OrderValues;
    const order = this.services.store.orders.findById(orderId);
    if (!order) throw new Error(`order ${orderId} vanished during the dialog`);
    return order;
  }
}
