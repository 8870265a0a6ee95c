import type { Dialog } from 'botbuilder-dialogs';
import type { OrderIdentityOptions } from '../dialogs/order-identity-dialog';
import type { Skill } from '../skill';
import { entityOf } from '../turn';

/** What makes an order skill: its intents and its dialog (which starts with the identity check). */
export interface OrderSkillSpec {
  id: string;
  intents: readonly string[];
  dialog: Dialog;
}

/** A skill about one order, started with the order number and email the message already gave. */
export function orderSkill(spec: OrderSkillSpec): Skill {
  return {
    id: spec.id,
    intents: spec.intents,
    dialogs: [spec.dialog],
    async start({ dc }) {
      const options: OrderIdentityOptions = { orderId: entityOf(dc.context, 'order_id'), email: entityOf(dc.context, 'email') };
      await dc.beginDialog(spec.dialog.id, options);
    },
  };
}
