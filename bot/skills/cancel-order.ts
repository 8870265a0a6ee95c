import { CancelOrderDialog } from '../dialogs/cancel-order-dialog';
import type { SkillFactory } from '../skill';
import { orderSkill } from './order-skill';

/** "Cancel my order": before dispatch only, after a confirmation; audited. */
export const cancelOrderSkill: SkillFactory = (services) =>
  orderSkill({ id: 'cancel-order', intents: ['cancel_order'], dialog: new CancelOrderDialog(services) });
