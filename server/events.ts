/**
 * The `/shopper` Socket.IO protocol types. They are defined next to the channel that speaks it
 * (`bot/channels/socket/events.ts`); this re-export is what the widget imports (type-only).
 */
export type * from '../bot/channels/socket/events';
