import type { SkillFactory } from '../skill';
import { cancelOrderSkill } from './cancel-order';
import { changeAddressSkill } from './change-address';
import { changeOrderSkill, invoiceSkill, refundStatusSkill } from './order-answers';
import { orderTrackingSkill } from './order-tracking';
import { paymentIssueSkill } from './payment-issue';
import { productQuestionsSkill } from './product-questions';
import { returnsSkill } from './returns';
import { shopInfoSkill } from './shop-info';
import { smallTalkSkill } from './small-talk';

/** Every skill of the bot. A new skill goes in its own file here and into this list. */
export const SKILLS: readonly SkillFactory[] = [
  smallTalkSkill,
  orderTrackingSkill,
  cancelOrderSkill,
  changeAddressSkill,
  returnsSkill,
  refundStatusSkill,
  invoiceSkill,
  changeOrderSkill,
  paymentIssueSkill,
  shopInfoSkill,
  productQuestionsSkill,
];
