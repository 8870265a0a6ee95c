import { ORDER_TRACKING_DIALOG, OrderTrackingDialog, type OrderTrackingOptions } from '../dialogs/order-tracking-dialog';
import type { SkillFactory } from '../skill';
import { entityOf } from '../turn';

/** "Where is my order?": status, carrier, tracking number and ETA after the identity check. */
export const orderTrackingSkill: SkillFactory = (services) => ({
  id: 'order-tracking',
  intents: ['track_order'],
  dialogs: [new OrderTrackingDialog(services)],
  async start({ dc }) {
    const options: OrderTrackingOptions = { orderId: entityOf(dc.context, 'order_id'), email: entityOf(dc.context, 'email') };
    await dc.beginDialog(ORDER_TRACKING_DIALOG, options);
  },
});
