/**
 * The demo storefront's script: the catalog page (search, categories, paging, "recommended for
 * you") and the product page (details, add to cart). Every product field reaches the page as text.
 */
import { el } from '../dom';
import { setUpCart } from './cart';
import { fetchRecommendations } from './catalog';
import { setUpCatalog } from './catalog-page';
import { renderLayout } from './layout';
import { setUpProductPage } from './product-page';
import { productTile } from './render';

/** How many recommendations the strip shows. */
const RECOMMENDATIONS = 6;

/** Fill the "recommended for you" strip once the widget knows the shopper's session. */
function setUpRecommendations(): void {
  const section = document.querySelector<HTMLElement>('[data-recommendations]');
  const list = section?.querySelector('ul');
  if (section === null || list === null || list === undefined) return;
  const load = async (sessionId: string): Promise<void> => {
    const items = await fetchRecommendations(sessionId, RECOMMENDATIONS);
    if (items.length === 0) return;
    list.replaceChildren(...items.map((item) => productTile(item, item.reason)));
    section.hidden = false;
  };
  const known = window.Shopkeep?.sessionId();
  if (known !== undefined) void load(known);
  else window.addEventListener('shopkeep:session', (event) => {
    const detail: unknown = event instanceof CustomEvent ? event.detail : undefined;
    const sessionId = typeof detail === 'object' && detail !== null && 'sessionId' in detail ? detail.sessionId : undefined;
    if (typeof sessionId === 'string') void load(sessionId);
  }, { once: true });
}

function start(): void {
  renderLayout();
  setUpCart();
  setUpRecommendations();
  const failed = (error: unknown): void => {
    const main = document.querySelector('main');
    main?.prepend(el('p', { className: 'error', attrs: { role: 'alert' }, text: `Sorry, the shop could not load: ${String(error)}` }));
  };
  if (document.querySelector('[data-catalog]') !== null) setUpCatalog().catch(failed);
  if (document.querySelector('[data-product]') !== null) setUpProductPage().catch(failed);
}

start();
