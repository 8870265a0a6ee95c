import { MessageFactory } from 'botbuilder';
import type { SkillFactory } from '../skill';
import { textsOf } from '../turn';

/** Greeting, goodbye and thanks. */
export const smallTalkSkill: SkillFactory = ({ memory }) => ({
  id: 'small-talk',
  intents: ['greeting', 'goodbye', 'thanks'],
  async start({ dc, understanding }) {
    const texts = textsOf(dc.context);
    switch (understanding.intent) {
      case 'greeting': {
        const remembered = await memory.get(dc.context, {});
        const text = remembered.greeted ? texts.greetingBack : texts.greeting;
        await dc.context.sendActivity(MessageFactory.suggestedActions(texts.suggestions, text));
        await memory.set(dc.context, { ...remembered, greeted: true });
        return;
      }
      case 'goodbye':
        await dc.context.sendActivity(texts.goodbye);
        return;
      default:
        await dc.context.sendActivity(texts.thanks);
    }
  },
});
