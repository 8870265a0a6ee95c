import type { OrderFacts, ReplyTexts } from './types';
import { SHOP_EN } from './shop-en';
import { HANDOFF_EN } from './handoff-en';
import { OFFER_EN } from './offer-en';
import { formatDay } from './formats';

const STATUS_NAMES: Record<string, string> = {
  pending: 'waiting for payment',
  paid: 'paid and waiting to be packed',
  processing: 'being packed',
  shipped: 'on its way',
  delivered: 'delivered',
  cancelled: 'cancelled',
  refunded: 'refunded',
};

function orderStatus(o: OrderFacts): string {
  const lines = [`Order ${o.id} is ${STATUS_NAMES[o.status] ?? o.status}.`];
  if (o.status === 'delivered' && o.deliveredAt) lines.push(`It was delivered on ${o.deliveredAt}.`);
  if (o.carrier && o.status === 'shipped') {
    lines.push(`It's travelling with ${o.carrier}${o.trackingNumber ? `, tracking number ${o.trackingNumber}` : ''}.`);
  }
  if (o.eta && o.status !== 'delivered' && o.status !== 'cancelled' && o.status !== 'refunded') {
    lines.push(`Expected delivery: ${o.eta}.`);
  }
  return lines.join(' ');
}

/** English replies. */
export const EN: ReplyTexts = {
  shop: SHOP_EN,
  handoff: HANDOFF_EN,
  offers: OFFER_EN,
  greeting: "Hi! I'm the shop assistant. I can track an order, help with returns and refunds, and find products for you.",
  greetingBack: 'Hello again! How can I help?',
  goodbye: 'Thanks for stopping by. Goodbye!',
  thanks: "You're welcome! Anything else I can do for you?",
  capabilities: 'I can track your order, explain delivery and returns, help with payments and find products. What would you like to do?',
  notUnderstood: "Sorry, I didn't quite get that.",
  suggestions: ['Where is my order?', 'Delivery options', 'Return an item', 'Recommend something'],
  askOrderNumber: "Sure, let's find your order. What's the order number? (You'll find it in your confirmation email.)",
  reaskOrderNumber: "That doesn't look like an order number. It's the 6-digit number in your confirmation email, e.g. 536365.",
  askEmail: 'Thanks. And the email address you used for the order?',
  reaskEmail: "That doesn't look like an email address. Please type the one you used for the order, e.g. name@example.com.",
  orderNotFound: "I couldn't find an order with that number and email. Let's try again: what's the order number?",
  tooManyAttempts: "I'm sorry, I couldn't find an order with those details. Please check the order number and email in your confirmation email and ask me again.",
  cancelled: "OK, I've stopped that. What else can I do for you?",
  orderStatus,
  statusName: (status) => STATUS_NAMES[status] ?? status,
  formatDate: (iso) => formatDay('en-GB', iso),
};
