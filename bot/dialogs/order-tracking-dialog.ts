import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Order } from '../../store';
import type { BotServices } from '../skill';
import { textsOf } from '../turn';
import { OrderDialog } from './order-dialog';
import type { OrderIdentityOptions } from './order-identity-dialog';

/** Id of the order tracking dialog. */
export const ORDER_TRACKING_DIALOG = 'orderTracking';

/** Options the dialog starts with: whatever the shopper already said. */
export type OrderTrackingOptions = OrderIdentityOptions;

async function tellStatus(step: WaterfallStepContext, order: Order): Promise<DialogTurnResult> {
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

/**
 * Order tracking: after the identity check, status, carrier, tracking number and ETA. The
 * identity check remembers the order, so "and when will it arrive?" follows on from it.
 */
export class OrderTrackingDialog extends OrderDialog {
  constructor(services: BotServices) {
    super(ORDER_TRACKING_DIALOG, services, [tellStatus]);
  }
}
