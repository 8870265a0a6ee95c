import { el } from '../dom';
import { addToCart } from './cart';
import { fetchProduct, type Product } from './catalog';
import { SHOP_NAME } from './layout';
import { formatPrice, productPicture } from './render';

/** Largest quantity the demo cart takes per click. */
const MAX_QUANTITY = 99;

function notFound(container: HTMLElement): void {
  document.title = `Product not found · ${SHOP_NAME}`;
  container.replaceChildren(
    el('h1', { text: 'Product not found' }),
    el('p', {}, [document.createTextNode('It may have been removed. '), el('a', { text: 'Back to the shop', attrs: { href: './' } })]),
  );
}

function buyBox(product: Product): HTMLElement {
  const quantity = el('input', { attrs: { id: 'quantity', type: 'number', min: '1', max: String(MAX_QUANTITY), value: '1', inputmode: 'numeric' } });
  const add = el('button', {
    className: 'primary',
    text: 'Add to cart',
    attrs: { type: 'button', 'data-shopkeep-track': 'add_to_cart', 'data-shopkeep-product-id': product.id, 'data-shopkeep-quantity': '1' },
  });
  const confirmation = el('p', { className: 'added', attrs: { role: 'status' } });
  const currentQuantity = (): number => Math.min(MAX_QUANTITY, Math.max(1, Math.floor(Number(quantity.value)) || 1));
  // The tracker reads the quantity from the button when it is clicked, so keep it current.
  quantity.addEventListener('input', () => add.setAttribute('data-shopkeep-quantity', String(currentQuantity())));
  add.addEventListener('click', () => {
    const count = currentQuantity();
    addToCart({ id: product.id, name: product.name, price: product.price, currency: product.currency, quantity: count });
    confirmation.textContent = `Added ${count} × ${product.name} to your cart.`;
  });
  if (product.inStock === false) add.disabled = true;
  return el('div', { className: 'buy' }, [
    el('label', { text: 'Quantity', attrs: { for: 'quantity' } }),
    quantity,
    add,
    confirmation,
  ]);
}

/** The product page: `product.html?id=...` shows that product or "not found". */
export async function setUpProductPage(): Promise<void> {
  const container = document.querySelector<HTMLElement>('[data-product]');
  if (container === null) return;
  const id = new URLSearchParams(window.location.search).get('id') ?? '';
  const product = id === '' ? undefined : await fetchProduct(id);
  if (product === undefined) {
    notFound(container);
    return;
  }
  document.title = `${product.name} · ${SHOP_NAME}`;
  container.replaceChildren(
    productPicture(product, 'hero'),
    el('div', { className: 'details' }, [
      el('p', { className: 'breadcrumb' }, [el('a', { text: 'Shop', attrs: { href: './' } }), document.createTextNode(product.category ? ` / ${product.category}` : '')]),
      el('h1', { text: product.name }),
      el('p', { className: 'price big', text: formatPrice(product.price, product.currency) }),
      el('p', { className: `stock ${product.inStock === false ? 'out' : 'in'}`, text: product.inStock === false ? 'Out of stock' : 'In stock' }),
      el('p', { className: 'description', text: product.description ?? '' }),
      buyBox(product),
    ]),
  );
  window.Shopkeep?.track({ type: 'product_view', productId: product.id });
}
