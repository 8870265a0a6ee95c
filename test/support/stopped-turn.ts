import type { TurnHooks } from '../../bot';

/**
 * A turn hook that stops the turn of one message for good, after the bot answered it, as a
 * `kill -9` would: nothing of the turn commits. Open the database again to play the restart.
 */
export function stopsAt(text: string): { hook: TurnHooks; reached: Promise<void> } {
  let reached = (): void => undefined;
  const hook: TurnHooks = {
    afterTurn: (context) => {
      if (context.activity.text !== text) return Promise.resolve();
      reached();
      return new Promise<void>(() => undefined);
    },
  };
  return { hook, reached: new Promise<void>((resolve) => (reached = resolve)) };
}
