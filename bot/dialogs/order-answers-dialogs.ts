import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { BEFORE_DISPATCH, type Order } from '../../store';
import type { BotServices } from '../skill';
import { textsOf } from '../turn';
import { botActor, question } from './asking';
import { OrderDialog } from './order-dialog';

/** Id of the refund-status dialog. */
export const REFUND_STATUS_DIALOG = 'refundStatus';
/** Id of the invoice dialog. */
export const INVOICE_DIALOG = 'invoice';
/** Id of the payment-issue dialog. */
export const PAYMENT_ISSUE_DIALOG = 'paymentIssue';
/** Id of the change-order dialog. */
export const CHANGE_ORDER_DIALOG = 'changeOrder';

/** "a***@example.com": enough for the shopper to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** "Where is my refund?": the order's returns and where each one is. */
export class RefundStatusDialog extends OrderDialog {
  constructor(services: BotServices) {
    super(REFUND_STATUS_DIALOG, services, [(s, o) => this.tell(s, o)]);
  }

  private async tell(step: WaterfallStepContext, order: Order): Promise<DialogTurnResult> {
    const texts = textsOf(step.context);
    const returns = this.services.store.returns.listByOrder(order.id);
    if (returns.length === 0) {
      const reply =
        order.status === 'refunded'
          ? texts.shop.orderRefunded(order.id)
          : question(step.context, texts.shop.noReturns(order.id), [texts.shop.phrases.startReturn]);
      await step.context.sendActivity(reply);
      return step.endDialog();
    }
    const facts = returns.map((r) => ({
      rma: r.rma,
      status: r.status,
      refund: texts.shop.formatMoney(r.refundMinor, r.currency),
      requestedOn: texts.formatDate(r.createdAt),
      refundedOn: r.refundedAt ? texts.formatDate(r.refundedAt) : null,
    }));
    await step.context.sendActivity(texts.shop.refundStatus(order.id, facts));
    return step.endDialog();
  }
}

/** "Send me the invoice again": sent to the email on the order, recorded in the audit log. */
export class InvoiceDialog extends OrderDialog {
  constructor(services: BotServices) {
    super(INVOICE_DIALOG, services, [(s, o) => this.resend(s, o)]);
  }

  private async resend(step: WaterfallStepContext, order: Order): Promise<DialogTurnResult> {
    this.services.store.orderChanges.recordInvoiceResent(order, botActor(step.context));
    await step.context.sendActivity(textsOf(step.context).shop.invoiceResent(order.id, maskEmail(order.email)));
    return step.endDialog();
  }
}

/** "My payment failed": the order's last payment attempt, and what to do about it. */
export class PaymentIssueDialog extends OrderDialog {
  constructor(services: BotServices) {
    super(PAYMENT_ISSUE_DIALOG, services, [(s, o) => this.tell(s, o)]);
  }

  private async tell(step: WaterfallStepContext, order: Order): Promise<DialogTurnResult> {
    const shop = textsOf(step.context).shop;
    const last = this.services.store.payments.listByOrder(order.id)[0];
    if (!last) {
      await step.context.sendActivity(shop.noPayments(order.id));
      return step.endDialog();
    }
    const amount = shop.formatMoney(last.amountMinor, last.currency);
    switch (last.status) {
      case 'failed':
        await step.context.sendActivity(shop.paymentFailed(order.id, amount, last.failureReason ?? 'processing_error'));
        break;
      case 'refunded':
        await step.context.sendActivity(shop.paymentRefunded(order.id, amount));
        break;
      case 'authorised':
      case 'captured':
        await step.context.sendActivity(shop.paymentOk(order.id, amount));
        break;
      default:
        return last.status satisfies never;
    }
    return step.endDialog();
  }
}

/** "I want to change my order": what can still be changed, with quick replies to do it. */
export class ChangeOrderDialog extends OrderDialog {
  constructor(services: BotServices) {
    super(CHANGE_ORDER_DIALOG, services, [(s, o) => this.tell(s, o)]);
  }

  private async tell(step: WaterfallStepContext, order: Order): Promise<DialogTurnResult> {
    const texts = textsOf(step.context);
    const status = texts.statusName(order.status);
    if (order.status === 'cancelled' || order.status === 'refunded') {
      await step.context.sendActivity(texts.shop.orderClosed(order.id, status));
    } else if (!BEFORE_DISPATCH.includes(order.status)) {
      await step.context.sendActivity(texts.shop.changeOrderTooLate(order.id, status));
    } else {
      const { changeAddress, cancelOrder } = texts.shop.phrases;
      await step.context.sendActivity(question(step.context, texts.shop.changeOrderOptions(order.id), [changeAddress, cancelOrder, texts.shop.talkToHuman]));
    }
    return step.endDialog();
  }
}
