import { ChangeAddressDialog } from '../dialogs/change-address-dialog';
import type { SkillFactory } from '../skill';
import { orderSkill } from './order-skill';

/** "Change my delivery address": before dispatch only, validated, confirmed, audited. */
export const changeAddressSkill: SkillFactory = (services) =>
  orderSkill({ id: 'change-address', intents: ['change_shipping_address'], dialog: new ChangeAddressDialog(services) });
