import { ORDER_TRACKING_DIALOG } from '../dialogs/order-tracking-dialog';
import { SHOP_INFO_DIALOG, ShopInfoDialog, type InfoTopic, type ShopInfoOptions } from '../dialogs/shop-info-dialog';
import type { SkillFactory } from '../skill';
import { entityOf } from '../turn';

const TOPICS: Readonly<Record<string, InfoTopic>> = {
  refund_policy: 'refund_policy',
  delivery_options: 'delivery',
  delivery_time: 'delivery',
  payment_methods: 'payment_methods',
  coupon_question: 'coupon_question',
  account_help: 'account_help',
};

/**
 * Questions about the shop's rules: returns policy, delivery options and times per country,
 * payment methods, coupon rules, account help. "And when will it arrive?" right after an order
 * was discussed is about that order, so it goes to order tracking instead.
 */
export const shopInfoSkill: SkillFactory = ({ memory, ...services }) => ({
  id: 'shop-info',
  intents: Object.keys(TOPICS),
  dialogs: [new ShopInfoDialog({ memory, ...services })],
  async start({ dc, understanding }) {
    const country = entityOf(dc.context, 'country');
    const remembered = await memory.get(dc.context, {});
    const lastOrder = remembered.lastOrderId;
    if (understanding.intent === 'delivery_time' && !country && lastOrder && remembered.verifiedOrderIds?.includes(lastOrder)) {
      await dc.beginDialog(ORDER_TRACKING_DIALOG, { orderId: lastOrder });
      return;
    }
    const options: ShopInfoOptions = { topic: TOPICS[understanding.intent] ?? 'delivery', country };
    await dc.beginDialog(SHOP_INFO_DIALOG, options);
  },
});
