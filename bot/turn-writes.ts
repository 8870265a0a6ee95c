import type { TurnContext } from 'botbuilder';
import type { MessageAnnotations, NewMessage, Store, StoredMessage } from '../store';

const TURN_WRITES_KEY = Symbol('shopkeep.turnWrites');

/** A task that runs once the turn's writes are committed (sending what the bot said, telling agents). */
export type AfterCommit = () => unknown;

/**
 * Everything one shopper message's turn writes, committed in one SQLite transaction at its end:
 * the NLU reading of the message, the bot's replies, the conversation and dialog state, and the
 * mark that the turn is done. A crash before the commit leaves none of it, so the message is
 * answered after the restart, once; after it, the message counts as answered even when the bot
 * said nothing (a person owns the conversation). One commit per turn instead of one per write
 * is also what lets the server keep up under load.
 *
 * Replies are stored before they are sent: channels send them in {@link afterCommit} tasks.
 */
export class TurnWrites {
  private reading: MessageAnnotations | undefined;
  private readonly replies: StoredMessage[] = [];
  private readonly states = new Map<string, Record<string, unknown>>();
  private readonly inCommit: Array<(reply: StoredMessage) => void> = [];
  private readonly writes: Array<() => void> = [];
  private readonly after: AfterCommit[] = [];
  private closed = false;

  constructor(
    private readonly store: Store,
    /** The store id of the shopper message the turn answers. */
    readonly messageId: string,
  ) {}

  /** True until the commit starts; after that, writes go straight to the store. */
  get open(): boolean {
    return !this.closed;
  }

  /** Stages the NLU's reading of the message (readers in this process see it at once). */
  annotate(reading: MessageAnnotations): void {
    this.reading = reading;
    this.store.conversations.stageReading(this.messageId, reading);
  }

  /** Stages a bot reply; the returned message has its id already (its `seq` is set on commit). */
  reply(message: NewMessage): StoredMessage {
    const prepared = this.store.conversations.prepareMessage(message);
    this.replies.push(prepared);
    return prepared;
  }

  /** Stages a bot state document (conversation and dialog state), written last-writer-wins. */
  state(key: string, value: Record<string, unknown>): void {
    this.states.set(key, value);
  }

  /** Runs a store write inside the commit: it is stored if and only if the turn is. */
  inTransaction(write: () => void): void {
    this.writes.push(write);
  }

  /** Runs `write` for every reply inside the commit (e.g. a channel's outbox row for it). */
  onReplyCommit(write: (reply: StoredMessage) => void): void {
    this.inCommit.push(write);
  }

  /** Queues a task for after the commit (in order); see {@link runAfterCommit}. */
  afterCommit(task: AfterCommit): void {
    this.after.push(task);
  }

  /**
   * Writes everything in one transaction, with the turn-done mark, committed together with the
   * other turns that end at the same time (group commit). Later calls do nothing.
   */
  async commit(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const { conversations, botState } = this.store;
    try {
      await this.store.groupTransaction(() => {
        for (const reply of this.replies) {
          conversations.insertPrepared(reply);
          for (const write of this.inCommit) write(reply);
        }
        const last = this.replies.at(-1);
        if (last) conversations.touch(last.conversationId, last.createdAt);
        if (this.states.size > 0) botState.write(new Map([...this.states].map(([key, value]) => [key, { value, expectedEtag: '*' as const }])));
        for (const write of this.writes) write();
        // The reading and the done mark in one update of the message's row.
        conversations.markTurnDone(this.messageId, this.reading);
      });
    } finally {
      conversations.unstageReading(this.messageId);
    }
  }

  /** Runs the after-commit tasks in order (each awaited), once. */
  async runAfterCommit(): Promise<void> {
    for (const task of this.after.splice(0)) await task();
  }
}

/** Starts the writes of a shopper message's turn on its context. */
export function beginTurnWrites(context: TurnContext, store: Store, messageId: string): TurnWrites {
  const writes = new TurnWrites(store, messageId);
  context.turnState.set(TURN_WRITES_KEY, writes);
  return writes;
}

/** The turn's writes while they are open (undefined outside a channel's shopper turn, e.g. in TestAdapter scripts). */
export function turnWritesOf(context: TurnContext): TurnWrites | undefined {
  const writes = context.turnState.get(TURN_WRITES_KEY) as TurnWrites | undefined;
  return writes?.open ? writes : undefined;
}

/** Runs `task` once the turn's writes are committed, or now when the turn has none open. */
export function whenCommitted(context: TurnContext, task: AfterCommit): void {
  const writes = turnWritesOf(context);
  if (writes) writes.afterCommit(task);
  else task();
}

/**
 * Runs a store write with the turn's commit, so a server stopped mid-turn leaves it undone and
 * the rerun of the message finds the state the first run started from; now when the turn has no
 * writes open (a TestAdapter script).
 */
export function withTurnCommit(context: TurnContext, write: () => void): void {
  const writes = turnWritesOf(context);
  if (writes) writes.inTransaction(write);
  else write();
}
