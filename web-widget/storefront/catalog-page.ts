import { el } from '../dom';
import { fetchCategories, fetchProducts, type Product, type ProductQuery } from './catalog';
import { productTile } from './render';

/** Products per page: a full grid on a laptop, a short scroll on a phone. */
const PAGE_SIZE = 24;
/** Category links beyond this many crowd the header on a phone. */
const MAX_CATEGORIES = 12;

/** The search and category the page was opened with (`?q=&category=`), so results are linkable. */
function queryFromLocation(): ProductQuery {
  const params = new URLSearchParams(window.location.search);
  return { q: (params.get('q') ?? '').slice(0, 200), category: (params.get('category') ?? '').slice(0, 100), limit: PAGE_SIZE, offset: 0 };
}

function categoryHref(query: ProductQuery, category: string): string {
  const params = new URLSearchParams();
  if (query.q !== '') params.set('q', query.q);
  if (category !== '') params.set('category', category);
  const search = params.toString();
  return search === '' ? './' : `?${search}`;
}

/**
 * Category links, plus "All": the shop's largest categories, or (when the server has no category
 * list) those seen on the first page.
 */
function renderCategories(query: ProductQuery, listed: readonly string[], items: readonly Product[]): void {
  const nav = document.querySelector<HTMLElement>('[data-categories]');
  if (nav === null) return;
  const seen = items.map((item) => item.category).filter((c): c is string => typeof c === 'string' && c !== '');
  const known = [...new Set(listed.length > 0 ? listed : seen)].slice(0, MAX_CATEGORIES);
  const categories = query.category !== '' && !known.includes(query.category) ? [query.category, ...known] : known;
  if (categories.length === 0) return;
  const link = (label: string, category: string): HTMLAnchorElement => {
    const attrs: Record<string, string> = { href: categoryHref(query, category) };
    if (category === query.category) attrs['aria-current'] = 'page';
    return el('a', { className: 'chip', text: label, attrs });
  };
  nav.replaceChildren(link('All', ''), ...categories.map((category) => link(category, category)));
}

function describe(query: ProductQuery, total: number): string {
  const filters = [query.q === '' ? '' : ` for “${query.q}”`, query.category === '' ? '' : ` in ${query.category}`].join('');
  return total === 1 ? `1 product${filters}` : `${total} products${filters}`;
}

/** The catalog page: search, category links, a product grid and "load more". */
export async function setUpCatalog(): Promise<void> {
  const grid = document.querySelector<HTMLElement>('[data-catalog]');
  const status = document.querySelector<HTMLElement>('[data-catalog-status]');
  const more = document.querySelector<HTMLButtonElement>('[data-load-more]');
  const search = document.querySelector<HTMLInputElement>('input[name="q"]');
  if (grid === null || status === null || more === null) return;
  const query = queryFromLocation();
  if (search !== null) search.value = query.q;
  status.textContent = 'Loading products…';
  const [first, listed] = await Promise.all([fetchProducts(query), fetchCategories()]);
  grid.replaceChildren(...first.items.map((item) => productTile(item)));
  status.textContent = describe(query, first.total);
  renderCategories(query, listed, first.items);
  let loaded = first.items.length;
  more.hidden = loaded >= first.total;
  more.addEventListener('click', () => {
    more.disabled = true;
    fetchProducts({ ...query, offset: loaded })
      .then((page) => {
        grid.append(...page.items.map((item) => productTile(item)));
        loaded += page.items.length;
        more.hidden = loaded >= page.total || page.items.length === 0;
      })
      .catch(() => {
        status.textContent = 'Could not load more products; please try again.';
      })
      .finally(() => {
        more.disabled = false;
      });
  });
}
