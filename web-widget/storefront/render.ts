import { el, safeImageSrc } from '../dom';
import { productHref, type Product } from './catalog';

/** Prices in the shop's locale; an unknown currency code falls back to the number and code. */
export function formatPrice(price: number, currency: string): string {
  try {
    return new Intl.NumberFormat(document.documentElement.lang || 'en', { style: 'currency', currency }).format(price);
  } catch {
    return `${price.toFixed(2)} ${currency}`;
  }
}

/** A picture for the product: its image when it has a safe one, else a tile with its initials. */
export function productPicture(product: Product, className: string): HTMLElement {
  const src = safeImageSrc(product.imageUrl ?? undefined, window.location.origin);
  if (src !== undefined) return el('img', { className, attrs: { src, alt: '', loading: 'lazy' } });
  const initials = product.name
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word))
    .slice(0, 2)
    .map((word) => word[0] ?? '')
    .join('');
  const hue = [...product.id].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 360, 7);
  const tile = el('div', { className: `${className} tile`, text: initials, attrs: { 'aria-hidden': 'true' } });
  tile.style.setProperty('--tile-hue', String(hue));
  return tile;
}

/** One product in a grid: picture, name (the link), price, stock, and an optional reason. */
export function productTile(product: Product, reason?: string): HTMLLIElement {
  const link = el('a', { className: 'product-name', text: product.name, attrs: { href: productHref(product.id) } });
  const stock = product.inStock === false ? 'Out of stock' : 'In stock';
  return el('li', { className: 'product' }, [
    productPicture(product, 'picture'),
    el('div', { className: 'product-body' }, [
      link,
      el('span', { className: 'price', text: formatPrice(product.price, product.currency) }),
      el('span', { className: `stock ${product.inStock === false ? 'out' : 'in'}`, text: stock }),
      ...(reason === undefined || reason === '' ? [] : [el('span', { className: 'reason', text: reason })]),
    ]),
  ]);
}
