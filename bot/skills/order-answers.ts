import { ChangeOrderDialog, InvoiceDialog, RefundStatusDialog } from '../dialogs/order-answers-dialogs';
import type { SkillFactory } from '../skill';
import { orderSkill } from './order-skill';

/** "Where is my refund?": the order's returns and refunds. */
export const refundStatusSkill: SkillFactory = (services) =>
  orderSkill({ id: 'refund-status', intents: ['refund_status'], dialog: new RefundStatusDialog(services) });

/** "Send me the invoice again": recorded, to the email on the order. */
export const invoiceSkill: SkillFactory = (services) => orderSkill({ id: 'invoice', intents: ['invoice'], dialog: new InvoiceDialog(services) });

/** "I want to change my order": what can still be changed, and how. */
export const changeOrderSkill: SkillFactory = (services) =>
  orderSkill({ id: 'change-order', intents: ['change_order'], dialog: new ChangeOrderDialog(services) });
