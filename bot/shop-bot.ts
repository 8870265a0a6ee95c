import { ActivityHandler, ConversationState, MessageFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { OUT_OF_SCOPE, type Locale, type Nlu, type Understanding } from '../nlu';
import type { MessageAnnotations, Store } from '../store';
import type { ConversationMemory } from './conversation-memory';
import type { Skill, SkillFactory, TurnHooks } from './skill';
import { SKILLS } from './skills';
import { setUnderstanding, textsOf } from './turn';
import { turnWritesOf } from './turn-writes';
import { offerHuman, opensWithYes } from './dialogs/asking';
import { asksAroundAProduct } from './recommendations/phrasing';

/** Intents that answer a waiting question (or leave it), never start another topic mid-dialog. */
const ANSWER_INTENTS: ReadonlySet<string> = new Set(['affirm', 'deny', 'cancel', OUT_OF_SCOPE]);
/** Below this confidence a message sent while a question waits is taken as its answer. */
const TOPIC_SWITCH_CONFIDENCE = 0.6;
/** Entities that waiting questions ask for: a message carrying one answers, it does not switch topic. */
const ANSWER_ENTITIES: ReadonlySet<string> = new Set(['order_id', 'email']);
/** Entities that make an unrecognised message a question about the catalog ("how much is the cake stand?", "do you have it in red?"). */
const CATALOG_ENTITIES: ReadonlySet<string> = new Set(['product', 'money', 'color']);
/** Misunderstood messages in a row before the bot offers a person instead of its list of skills again. */
const MAX_MISUNDERSTOOD = 2;
/** Where a dialog context looks for its memory scopes before building them (botbuilder's turn-state key). */
const DIALOG_STATE_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

/** What the bot needs to run. */
export interface ShopBotDeps {
  nlu: Nlu;
  store: Store;
  conversationState: ConversationState;
  /** @default every skill in `bot/skills` */
  skills?: readonly SkillFactory[];
  /** Handoff, frustration tracking, offers: run around every turn, in order. @default [] */
  hooks?: readonly TurnHooks[];
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
 * by the NLU (the reading is stored beside the message, with the turn's other writes), the turn hooks run (a human may own
 * the conversation), then the active dialog continues or the skill for the intent starts.
 * Dialog state lives in the store, so a conversation resumes where it was after a restart.
 */
export class ShopBot extends ActivityHandler {
  private readonly memory: StatePropertyAccessor<ConversationMemory>;
  private readonly dialogs: DialogSet;
  private readonly skillsByIntent = new Map<string, Skill>();
  private readonly skillsByDialog = new Map<string, Skill>();
  private readonly hooks: readonly TurnHooks[];
  /**
   * The dialogs' memory scopes and path resolvers, built by the first turn and shared by the
   * next ones as botbuilder's DialogManager shares its own: building them anew is most of what
   * creating a dialog context costs.
   */
  private dialogStateConfiguration?: DialogStateManagerConfiguration;

  constructor(private readonly deps: ShopBotDeps) {
    super();
    this.memory = deps.conversationState.createProperty<ConversationMemory>('memory');
    this.dialogs = new DialogSet(deps.conversationState.createProperty<DialogState>('dialogState'));
    this.hooks = deps.hooks ?? [];
    for (const factory of deps.skills ?? SKILLS) this.addSkill(factory({ store: deps.store, memory: this.memory }));

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onDialog(async (context, next) => {
      await deps.conversationState.saveChanges(context, false);
      await next();
    });
  }

  private addSkill(skill: Skill): void {
    for (const dialog of skill.dialogs ?? []) {
      this.dialogs.add(dialog);
      this.skillsByDialog.set(dialog.id, skill);
    }
    for (const intent of skill.intents) {
      const owner = this.skillsByIntent.get(intent);
      if (owner) throw new Error(`intent ${intent} belongs to both ${owner.id} and ${skill.id}`);
      this.skillsByIntent.set(intent, skill);
    }
  }

  private async understand(context: TurnContext): Promise<Understanding> {
    const memory = await this.memory.get(context, {});
    // Numbers and emails say nothing of the language: they keep the conversation's last one.
    const hint: Locale = memory.locale ?? (context.activity.locale?.startsWith('zh') ? 'zh' : 'en');
    const understood = await this.deps.nlu.understand((context.activity.text ?? '').trim(), { locale: hint });
    const understanding = onlyEntities(understood) ? { ...understood, locale: hint } : understood;
    setUnderstanding(context, understanding);
    await this.memory.set(context, { ...memory, locale: understanding.locale });
    this.storeReading(context, understanding);
    return understanding;
  }

  /** The reading goes with the turn's other writes in a channel turn; in a bare script it is stored now. */
  private storeReading(context: TurnContext, understanding: Understanding): void {
    const writes = turnWritesOf(context);
    if (writes) writes.annotate(annotations(understanding));
    else if (context.activity.id) this.deps.store.conversations.annotate(context.activity.id, annotations(understanding));
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const understanding = await this.understand(context);
    // Hooks act on what the bot will act on: "what goes with it?" read unsurely as a request
    // for a person is a request for recommendations. Dialogs get the NLU's own reading (an
    // unsure one answers a waiting question rather than switching topic).
    const routed = { ...understanding, intent: routedIntent(understanding) };
    let handled = false;
    for (const hook of this.hooks) {
      if (!handled && hook.beforeDialogs) handled = await hook.beforeDialogs(context, routed);
    }
    if (!handled) await this.converse(context, understanding);
    for (const hook of this.hooks) await hook.afterTurn?.(context, routed);
  }

  private async converse(context: TurnContext, understanding: Understanding): Promise<void> {
    if (this.dialogStateConfiguration) context.turnState.set(DIALOG_STATE_CONFIGURATION_KEY, this.dialogStateConfiguration);
    const dc = await this.dialogs.createContext(context);
    this.dialogStateConfiguration ??= dc.state.configuration;
    const intent = routedIntent(understanding);
    // "Yes, cancel it" confirms a cancellation; it does not leave the dialog.
    if (understanding.intent === 'cancel' && dc.activeDialog && !opensWithYes(understanding.text)) {
      await dc.cancelAllDialogs();
      await context.sendActivity(textsOf(context).cancelled);
      return;
    }
    if (dc.activeDialog && !this.switchesTopic(dc, understanding, intent)) {
      const result = await dc.continueDialog();
      if (result.status !== DialogTurnStatus.empty) return;
    }
    await this.startSkill(dc, understanding, intent);
  }

  /**
   * Whether a message sent while a question waits starts another topic ("actually, what are your
   * delivery options?"): a confident intent of another skill, carrying nothing the question asked for.
   * The new skill's dialog goes on top of the waiting one, which asks its question again when it ends.
   */
  private switchesTopic(dc: DialogContext, understanding: Understanding, intent: string): boolean {
    const skill = this.skillsByIntent.get(intent);
    if (!skill || ANSWER_INTENTS.has(understanding.intent) || understanding.confidence < TOPIC_SWITCH_CONFIDENCE) return false;
    if (understanding.entities.some((e) => ANSWER_ENTITIES.has(e.type))) return false;
    const waiting = dc.activeDialog ? this.skillsByDialog.get(dc.activeDialog.id) : undefined;
    return waiting !== skill;
  }

  private async startSkill(dc: DialogContext, understanding: Understanding, intent: string): Promise<void> {
    const skill = this.skillsByIntent.get(intent);
    const memory = await this.memory.get(dc.context, {});
    if (skill) {
      if (memory.misunderstood) await this.memory.set(dc.context, { ...memory, misunderstood: 0 });
      const waiting = dc.activeDialog;
      await skill.start({ dc, understanding: { ...understanding, intent } });
      // A skill without dialogs (small talk) answered in passing: the waiting question is asked again,
      // unless the shopper is leaving ("thanks, bye"): pressing them with it then would be rude.
      if (waiting && !skill.dialogs?.length) await (intent === 'goodbye' ? dc.cancelAllDialogs() : dc.repromptDialog());
      return;
    }
    const texts = textsOf(dc.context);
    const misunderstood = intent === OUT_OF_SCOPE ? (memory.misunderstood ?? 0) + 1 : 0;
    await this.memory.set(dc.context, { ...memory, misunderstood });
    if (misunderstood >= MAX_MISUNDERSTOOD) {
      await offerHuman(dc.context, texts.notUnderstood);
      return;
    }
    const intro = intent === OUT_OF_SCOPE ? `${texts.notUnderstood} ` : '';
    await dc.context.sendActivity(MessageFactory.suggestedActions(texts.suggestions, `${intro}${texts.capabilities}`));
  }
}

/** Intents of the catalog skill. */
const CATALOG_INTENTS: ReadonlySet<string> = new Set(['product_question', 'product_search']);
/** A catalog intent this likely among the alternatives makes an unsure reading a catalog question. */
const CATALOG_ALTERNATIVE = 0.15;

/**
 * The intent to act on. An unsure reading (out of scope, or below the topic-switch confidence)
 * of a message that names a product or a price, or that the NLU thinks may be a catalog
 * question, is a catalog question ("something under £10 for the kitchen"); a message with an
 * order number never is. Asking for products like or going with another one is a request for
 * recommendations, whatever the NLU made of it.
 */
function routedIntent(understanding: Understanding): string {
  const { intent, confidence, entities, alternatives } = understanding;
  const unsure = intent === OUT_OF_SCOPE || CATALOG_INTENTS.has(intent) || confidence < TOPIC_SWITCH_CONFIDENCE;
  if (unsure && asksAroundAProduct(understanding.text)) return 'ask_recommendation';
  if (CATALOG_INTENTS.has(intent) || entities.some((e) => e.type === 'order_id')) return intent;
  if (intent !== OUT_OF_SCOPE && confidence >= TOPIC_SWITCH_CONFIDENCE) return intent;
  const catalogAlternative = alternatives.find((a) => CATALOG_INTENTS.has(a.intent) && a.confidence >= CATALOG_ALTERNATIVE);
  if (entities.some((e) => CATALOG_ENTITIES.has(e.type))) return catalogAlternative?.intent ?? 'product_question';
  return catalogAlternative?.intent ?? intent;
}
