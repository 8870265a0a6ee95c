import { ActivityHandler, ConversationState, MessageFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { OUT_OF_SCOPE, type Locale, type Nlu, type Understanding } from '../nlu';
import type { MessageAnnotations, Store } from '../store';
import type { ConversationMemory } from './conversation-memory';
import { ORDER_TRACKING_DIALOG, OrderTrackingDialog, type OrderTrackingOptions } from './dialogs/order-tracking-dialog';
import { textsFor } from './texts';
import { entityOf, setUnderstanding, textsOf } from './turn';

/** What the bot needs to run. */
export interface ShopBotDeps {
  nlu: Nlu;
  store: Store;
  conversationState: ConversationState;
}

function annotations(u: Understanding): MessageAnnotations {
  return {
    locale: u.locale,
    intent: u.intent,
    confidence: u.confidence,
    sentimentLabel: u.sentiment.label,
    sentimentScore: u.sentiment.score,
    entities: u.entities,
  };
}

/** True when a message is nothing but entities (an email, an order number): it has no language of its own. */
function onlyEntities(u: Understanding): boolean {
  let rest = u.text;
  for (const e of u.entities) rest = rest.replace(e.text, ' ');
  return u.entities.length > 0 && !/\p{L}{2,}/u.test(rest);
}

/**
 * The shop's bot: one botbuilder ActivityHandler for every channel. Each message is understood
 * by the NLU (the reading is stored beside the message), then the active dialog continues or
 * the dialog for the intent starts. Dialog state lives in the store, so a conversation resumes
 * where it was after a restart.
 */
export class ShopBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly memory: StatePropertyAccessor<ConversationMemory>;
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: ShopBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.memory = deps.conversationState.createProperty<ConversationMemory>('memory');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(new OrderTrackingDialog(deps.store.orders, this.memory));

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onDialog(async (context, next) => {
      await deps.conversationState.saveChanges(context, false);
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const text = (context.activity.text ?? '').trim();
    const memory = await this.memory.get(context, {});
    // Numbers and emails say nothing of the language: they keep the conversation's last one.
    const hint: Locale = memory.locale ?? (context.activity.locale?.startsWith('zh') ? 'zh' : 'en');
    const understood = await this.deps.nlu.understand(text, { locale: hint });
    const understanding = onlyEntities(understood) ? { ...understood, locale: hint } : understood;
    setUnderstanding(context, understanding);
    await this.memory.set(context, { ...memory, locale: understanding.locale });
    if (context.activity.id) this.deps.store.conversations.annotate(context.activity.id, annotations(understanding));

    const dc = await this.dialogs.createContext(context);
    if (understanding.intent === 'cancel' && dc.activeDialog) {
      await dc.cancelAllDialogs();
      await context.sendActivity(textsOf(context).cancelled);
      return;
    }
    if (dc.activeDialog) {
      const result = await dc.continueDialog();
      if (result.status !== DialogTurnStatus.empty) return;
    }
    await this.startTopic(dc, understanding);
  }

  private async startTopic(dc: DialogContext, u: Understanding): Promise<void> {
    const context = dc.context;
    const texts = textsFor(u.locale);
    switch (u.intent) {
      case 'greeting':
        await this.greet(context);
        return;
      case 'goodbye':
        await context.sendActivity(texts.goodbye);
        return;
      case 'thanks':
        await context.sendActivity(texts.thanks);
        return;
      case 'track_order':
        await this.trackOrder(dc);
        return;
      default:
        await this.explainCapabilities(context, u.intent === OUT_OF_SCOPE);
    }
  }

  private async greet(context: TurnContext): Promise<void> {
    const memory = await this.memory.get(context, {});
    const texts = textsOf(context);
    await context.sendActivity(MessageFactory.suggestedActions(texts.suggestions, memory.greeted ? texts.greetingBack : texts.greeting));
    await this.memory.set(context, { ...memory, greeted: true });
  }

  private async trackOrder(dc: DialogContext): Promise<void> {
    const options: OrderTrackingOptions = {
      orderId: entityOf(dc.context, 'order_id'),
      email: entityOf(dc.context, 'email'),
    };
    const memory = await this.memory.get(dc.context, {});
    // A follow-up about an order already proved in this conversation needs no second check.
    if (!options.orderId && memory.lastOrderId && memory.verifiedOrderIds?.includes(memory.lastOrderId)) {
      options.orderId = memory.lastOrderId;
      options.email = this.deps.store.orders.findById(memory.lastOrderId)?.email;
    }
    await dc.beginDialog(ORDER_TRACKING_DIALOG, options);
  }

  private async explainCapabilities(context: TurnContext, notUnderstood: boolean): Promise<void> {
    const texts = textsOf(context);
    const text = notUnderstood ? `${texts.notUnderstood} ${texts.capabilities}` : texts.capabilities;
    await context.sendActivity(MessageFactory.suggestedActions(texts.suggestions, text));
  }
}
