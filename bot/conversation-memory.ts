/**
 * What the bot remembers across turns of one conversation (kept in conversation state, in
 * SQLite), beyond the dialog stack itself.
 */
export interface ConversationMemory {
  /** The last order the shopper was shown, for follow-ups like "and when will it arrive?". */
  lastOrderId?: string;
  /** The last product the bot told the shopper about, for follow-ups like "do you have it in red?". */
  lastProductId?: string;
  /** Orders whose number and email the shopper has proved in this conversation. */
  verifiedOrderIds?: string[];
  /** The language the shopper last wrote in; replies follow it. */
  locale?: 'en' | 'zh';
  /** Whether the bot has greeted the shopper already. */
  greeted?: boolean;
  /** Wrong order number + email pairs in this conversation (the identity check stops past a limit). */
  identityFailures?: number;
  /** Messages in a row the bot did not understand (a person is offered past a limit). */
  misunderstood?: number;
}
