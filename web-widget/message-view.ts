import type { ChatMessage, CouponOffer, MessageRole, ProductCard } from '../server/events';
import type { ConversationEntry } from './conversation';
import { el, safeHttpUrl, safeImageSrc } from './dom';
import type { UiStrings } from './i18n';
import type { Locale } from './settings';

/** What rendering a message needs besides the message. */
export interface MessageContext {
  strings: UiStrings;
  locale: Locale;
  /** Base for relative product links and images. */
  server: string;
  onRetry: (clientId: string) => void;
  onCopy: (code: string) => Promise<void>;
}

/** A stable key per entry: the client id for the shopper's messages survives the ack. */
export function entryKey(entry: ConversationEntry): string {
  const { message } = entry;
  return message.role === 'shopper' && message.clientId !== undefined ? `c:${message.clientId}` : `m:${message.id}`;
}

/** What decides whether an already rendered entry must be redrawn. */
export function entryVersion(entry: ConversationEntry): string {
  return `${entry.status}|${entry.message.id}`;
}

/** Render one conversation entry as a list item. All data reaches the DOM as text. */
export function renderEntry(entry: ConversationEntry, context: MessageContext): HTMLLIElement {
  const { message } = entry;
  const item = el('li', { className: `entry ${message.role} ${entry.status}` }, [
    el('span', { className: 'who', text: `${roleLabel(message.role, context.strings)}: ` }),
    el('p', { className: 'bubble', text: message.text }),
  ]);
  if (message.role === 'shopper') item.append(renderDelivery(entry, context));
  if (message.cards !== undefined && message.cards.length > 0) item.append(renderCards(message.cards, context));
  if (message.coupon !== undefined) item.append(renderCoupon(message.coupon, context));
  return item;
}

/** The quick replies to offer now: those of the last message, if the server wrote it. */
export function currentQuickReplies(entries: readonly ConversationEntry[]): string[] {
  const last: ChatMessage | undefined = entries[entries.length - 1]?.message;
  if (last === undefined || last.role === 'shopper') return [];
  return (last.quickReplies ?? []).filter((reply) => reply.trim() !== '');
}

function roleLabel(role: MessageRole, strings: UiStrings): string {
  switch (role) {
    case 'shopper':
      return strings.you;
    case 'bot':
      return strings.bot;
    case 'agent':
      return strings.agent;
    case 'system':
      return strings.system;
    default:
      return role satisfies never;
  }
}

function renderDelivery(entry: ConversationEntry, context: MessageContext): HTMLElement {
  const line = el('span', { className: 'delivery' });
  const clientId = entry.message.clientId;
  switch (entry.status) {
    case 'sent':
      return line;
    case 'pending':
      line.append(el('span', { text: context.strings.pending }));
      return line;
    case 'failed': {
      line.append(el('span', { text: context.strings.failed }));
      if (clientId === undefined) return line;
      const retry = el('button', { className: 'retry', text: context.strings.retry, attrs: { type: 'button' } });
      retry.addEventListener('click', () => context.onRetry(clientId));
      line.append(retry);
      return line;
    }
    default:
      return entry.status satisfies never;
  }
}

function renderCards(cards: readonly ProductCard[], context: MessageContext): HTMLElement {
  const list = el('ul', { className: 'cards', attrs: { 'aria-label': context.strings.suggestedProducts } });
  for (const card of cards) {
    const item = el('li', { className: 'card' });
    const image = safeImageSrc(card.imageUrl, context.server);
    if (image !== undefined) item.append(el('img', { attrs: { src: image, alt: '', loading: 'lazy' } }));
    item.append(el('span', { className: 'name', text: card.name }));
    item.append(el('span', { className: 'price', text: formatPrice(card.price, card.currency, context.locale) }));
    if (card.reason !== undefined && card.reason !== '') item.append(el('span', { className: 'reason', text: card.reason }));
    const href = safeHttpUrl(card.url, context.server);
    if (href !== undefined) {
      const label = `${context.strings.viewProduct}: ${card.name}`;
      item.append(el('a', { text: context.strings.viewProduct, attrs: { href, 'aria-label': label } }));
    }
    list.append(item);
  }
  return list;
}

function renderCoupon(coupon: CouponOffer, context: MessageContext): HTMLElement {
  const { strings } = context;
  const code = el('code', { text: coupon.code });
  const copy = el('button', { text: strings.copy, attrs: { type: 'button' } });
  copy.addEventListener('click', () => {
    void context.onCopy(coupon.code).then(
      () => {
        copy.textContent = strings.copied;
      },
      // No clipboard access (an insecure page, a denied permission): select the code instead.
      () => window.getSelection()?.selectAllChildren(code),
    );
  });
  const expires = formatDate(coupon.expiresAt, context.locale);
  return el('div', { className: 'coupon', attrs: { role: 'group', 'aria-label': strings.couponTitle } }, [
    el('strong', { text: `${strings.couponTitle} · ${strings.couponOff(coupon.percentOff)}` }),
    code,
    ...(expires === undefined ? [] : [el('span', { text: strings.couponExpires(expires) })]),
    copy,
  ]);
}

/** Format a price; an unknown currency code falls back to the bare number and code. */
export function formatPrice(price: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(price);
  } catch {
    return `${price.toFixed(2)} ${currency}`;
  }
}

function formatDate(iso: string, locale: Locale): string | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
