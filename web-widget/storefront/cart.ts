import * as z from 'zod/mini';
import { el } from '../dom';
import { formatPrice } from './render';

const CART_KEY = 'shopkeep-demo:cart';
const cartSchema = z.array(
  z.object({ id: z.string(), name: z.string(), price: z.number(), currency: z.string(), quantity: z.number() }),
);

/** A line of the demo cart. */
export type CartLine = z.infer<typeof cartSchema>[number];

/** Read the cart from localStorage; a corrupt or blocked store is an empty cart. */
export function readCart(): CartLine[] {
  try {
    const parsed = cartSchema.safeParse(JSON.parse(window.localStorage.getItem(CART_KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function writeCart(lines: readonly CartLine[]): void {
  try {
    window.localStorage.setItem(CART_KEY, JSON.stringify(lines));
  } catch {
    // The demo cart then lasts for this page only.
  }
}

/** Add `line.quantity` of a product, merging with an existing line. */
export function addToCart(line: CartLine): void {
  const lines = readCart();
  const existing = lines.find((item) => item.id === line.id);
  writeCart(existing === undefined ? [...lines, line] : lines.map((item) => (item === existing ? { ...item, quantity: item.quantity + line.quantity } : item)));
  renderCart();
}

/**
 * Draw the header cart: the count, and the drop-down with its lines and a checkout button.
 * Checking out records one `purchase` per line through the widget's tracker, then empties the cart.
 */
export function renderCart(): void {
  const lines = readCart();
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  for (const badge of document.querySelectorAll('[data-cart-count]')) badge.textContent = String(count);
  const panel = document.querySelector<HTMLElement>('[data-cart-panel]');
  if (panel === null) return;
  if (lines.length === 0) {
    panel.replaceChildren(el('p', { text: 'Your cart is empty.' }));
    return;
  }
  const total = lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
  const checkout = el('button', { className: 'primary', text: 'Place order', attrs: { type: 'button' } });
  checkout.addEventListener('click', () => {
    for (const line of lines) window.Shopkeep?.track({ type: 'purchase', productId: line.id, quantity: line.quantity });
    writeCart([]);
    renderCart();
    panel.replaceChildren(el('p', { attrs: { role: 'status' }, text: 'Thank you! Your (demo) order is placed.' }));
  });
  panel.replaceChildren(
    el('ul', {}, lines.map((line) => el('li', { text: `${line.quantity} × ${line.name} — ${formatPrice(line.price * line.quantity, line.currency)}` }))),
    el('p', { className: 'total', text: `Total: ${formatPrice(total, lines[0]?.currency ?? 'GBP')}` }),
    checkout,
  );
}

/** Wire the header's cart button to open and close its panel. */
export function setUpCart(): void {
  const toggle = document.querySelector<HTMLButtonElement>('[data-cart-toggle]');
  const panel = document.querySelector<HTMLElement>('[data-cart-panel]');
  if (toggle === null || panel === null) return;
  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
  });
  renderCart();
}
