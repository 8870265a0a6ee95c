import { ReturnDialog } from '../dialogs/return-dialog';
import type { SkillFactory } from '../skill';
import { orderSkill } from './order-skill';

/** "I want to return this": eligibility, reason, an RMA number. */
export const returnsSkill: SkillFactory = (services) =>
  orderSkill({ id: 'returns', intents: ['return_request'], dialog: new ReturnDialog(services) });
