import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Dialog, DialogContext } from 'botbuilder-dialogs';
import type { Understanding } from '../nlu';
import type { Store } from '../store';
import type { ConversationMemory } from './conversation-memory';

/** What skills are built from: the shop's data and the bot's conversation memory. */
export interface BotServices {
  store: Store;
  /** Per-conversation memory beyond the dialog stack (kept in conversation state, in SQLite). */
  memory: StatePropertyAccessor<ConversationMemory>;
}

/** A skill starting on a message. */
export interface SkillTurn {
  dc: DialogContext;
  understanding: Understanding;
}

/**
 * One job the bot can do for a shopper (track an order, start a return, ...): the intents it
 * starts on and the dialogs it needs. The bot routes a message to the skill of its intent when
 * no dialog is waiting for an answer.
 */
export interface Skill {
  /** Names the skill in logs and tests. */
  readonly id: string;
  /** Intents this skill starts on (each intent belongs to one skill). */
  readonly intents: readonly string[];
  /** Dialogs the skill adds to the bot's dialog set. */
  readonly dialogs?: readonly Dialog[];
  start(turn: SkillTurn): Promise<void>;
}

/** Builds a skill from the bot's services. */
export type SkillFactory = (services: BotServices) => Skill;

/**
 * Hooks around every turn, for concerns that are not skills: human handoff (a human owns the
 * conversation, so the bot stays silent), frustration tracking, coupon offers.
 */
export interface TurnHooks {
  /**
   * Runs after the NLU, before any dialog. Returning `true` means the hook handled the turn and
   * the bot must not answer.
   */
  beforeDialogs?(context: TurnContext, understanding: Understanding): Promise<boolean>;
  /** Runs after the bot answered (or stayed silent). */
  afterTurn?(context: TurnContext, understanding: Understanding): Promise<void>;
}
