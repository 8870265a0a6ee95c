import type { SkillFactory } from '../skill';
import { orderTrackingSkill } from './order-tracking';
import { smallTalkSkill } from './small-talk';

/** Every skill of the bot. A new skill goes in its own file here and into this list. */
export const SKILLS: readonly SkillFactory[] = [smallTalkSkill, orderTrackingSkill];
