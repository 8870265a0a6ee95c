import { ORDER_TRACKING_DIALOG, OrderTrackingDialog, type OrderTrackingOptions } from '../dialogs/order-tracking-dialog';
import type { SkillFactory } from '../skill';
import { entityOf } from '../turn';

/** "Where is my order?": status, carrier, tracking number and ETA after the identity check. */
export const orderTrackingSkill: SkillFactory = ({ store, memory }) => ({
  id: 'order-tracking',
  intents: ['track_order'],
  dialogs: [new OrderTrackingDialog(store.orders, memory)],
  async start({ dc }) {
    const options: OrderTrackingOptions = {
      orderId: entityOf(dc.context, 'order_id'),
      email: entityOf(dc.context, 'email'),
    };
    const remembered = await memory.get(dc.context, {});
    // A follow-up about an order already proved in this conversation needs no second check.
    if (!options.orderId && remembered.lastOrderId && remembered.verifiedOrderIds?.includes(remembered.lastOrderId)) {
      options.orderId = remembered.lastOrderId;
      options.email = store.orders.findById(remembered.lastOrderId)?.email;
    }
    await dc.beginDialog(ORDER_TRACKING_DIALOG, options);
  },
});
