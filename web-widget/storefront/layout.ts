import { el } from '../dom';

/** The shop's name, in the header and page titles. */
export const SHOP_NAME = 'Shopkeep Demo Shop';
const ATTRIBUTION =
  'A demo shop for Shopkeep. Products, prices and orders derived from the Online Retail data set ' +
  '(Daqing Chen, UCI Machine Learning Repository, CC BY 4.0).';

function searchForm(): HTMLFormElement {
  return el('form', { className: 'search', attrs: { role: 'search', action: './', method: 'get' } }, [
    el('label', { className: 'visually-hidden', text: 'Search products', attrs: { for: 'q' } }),
    el('input', { attrs: { id: 'q', name: 'q', type: 'search', placeholder: 'Search lanterns, mugs, bags…', maxlength: '200' } }),
    el('button', { text: 'Search', attrs: { type: 'submit' } }),
  ]);
}

function cartControls(): HTMLElement {
  const count = el('span', { text: '0', attrs: { 'data-cart-count': '' } });
  const toggle = el('button', { attrs: { type: 'button', 'data-cart-toggle': '', 'aria-expanded': 'false', 'aria-controls': 'cart-panel' } }, [
    document.createTextNode('Cart ('),
    count,
    document.createTextNode(')'),
  ]);
  const panel = el('div', { className: 'cart-panel', attrs: { id: 'cart-panel', 'data-cart-panel': '', hidden: '' } });
  return el('div', { className: 'cart' }, [toggle, panel]);
}

/** Fill the pages' shared header (brand, search, cart) and footer, so each page states them once. */
export function renderLayout(): void {
  const header = document.querySelector('[data-site-header]');
  header?.replaceChildren(
    el('a', { className: 'brand', attrs: { href: './' } }, [document.createTextNode('Shopkeep '), el('span', { text: 'Demo Shop' })]),
    searchForm(),
    cartControls(),
  );
  document.querySelector('[data-site-footer]')?.replaceChildren(el('p', { text: ATTRIBUTION }));
}
