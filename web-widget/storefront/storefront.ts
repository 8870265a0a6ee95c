/**
 * The demo storefront's script: the catalog page (search, categories, paging, "recommended for
 * you") and the product page (details, add to cart). Every product field reaches the page as text.
 */
import { el } from '../dom';
import { setUpCart } from './cart';
import { fetchRecommendations, type Recommendation } from './catalog';
import { setUpCatalog } from './catalog-page';
import { renderLayout } from './layout';
import { setUpProductPage } from './product-page';
import { productTile } from './render';

/** How many recommendations the strip shows. */
const RECOMMENDATIONS = 6;

async function fillStrip(section: HTMLElement, list: Element, items: Recommendation[]): Promise<void> {
  if (items.length === 0) return;
  list.replaceChildren(...items.map((item) => productTile(item, item.reason)));
  section.hidden = false;
}

/** On a product page: "often bought together", from the same engine as the chat. */
function setUpBoughtTogether(): void {
  const section = document.querySelector<HTMLElement>('[data-bought-together]');
  const list = section?.querySelector('ul');
  const productId = new URLSearchParams(window.location.search).get('id');
  if (section === null || list === null || list === undefined || !productId) return;
  void fetchRecommendations({ productId }, RECOMMENDATIONS).then((items) => fillStrip(section, list, items));
}

/** Fill the "recommended for you" strip once the widget knows the shopper's session. */
function setUpRecommendations(): void {
  const section = document.querySelector<HTMLElement>('[data-recommendations]');
  const list = section?.querySelector('ul');
  if (section === null || list === null || list === undefined) return;
  const load = async (sessionId: string): Promise<void> => {
    await fillStrip(section, list, await fetchRecommendations({ sessionId }, RECOMMENDATIONS));
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
  setUpBoughtTogether();
  const failed = (error: unknown): void => {
    const main = document.querySelector('main');
    main?.prepend(el('p', { className: 'error', attrs: { role: 'alert' }, text: `Sorry, the shop could not load: ${String(error)}` }));
  };
  if (document.querySelector('[data-catalog]') !== null) setUpCatalog().catch(failed);
  if (document.querySelector('[data-product]') !== null) setUpProductPage().catch(failed);
}

start();
