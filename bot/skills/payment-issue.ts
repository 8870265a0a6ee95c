import { PAYMENT_ISSUE_DIALOG, PaymentIssueDialog } from '../dialogs/order-answers-dialogs';
import type { OrderIdentityOptions } from '../dialogs/order-identity-dialog';
import type { SkillFactory } from '../skill';
import { entityOf, textsOf } from '../turn';

/** "My payment failed": reassurance first (no money was taken), then the order's payment attempts. */
export const paymentIssueSkill: SkillFactory = (services) => ({
  id: 'payment-issue',
  intents: ['payment_issue'],
  dialogs: [new PaymentIssueDialog(services)],
  async start({ dc }) {
    await dc.context.sendActivity(textsOf(dc.context).shop.paymentIssueIntro);
    const options: OrderIdentityOptions = { orderId: entityOf(dc.context, 'order_id'), email: entityOf(dc.context, 'email') };
    await dc.beginDialog(PAYMENT_ISSUE_DIALOG, options);
  },
});
