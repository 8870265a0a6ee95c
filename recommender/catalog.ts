import type { CatalogItem, ItemFilter } from './types';

/** True when `item` passes `filter`; items the catalog does not describe pass only open filters. */
export function passesFilter(item: CatalogItem | undefined, filter: ItemFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.inStock && item?.inStock === false) return false;
  if (filter.minPrice !== undefined && !(item?.price !== undefined && item.price >= filter.minPrice)) return false;
  if (filter.maxPrice !== undefined && !(item?.price !== undefined && item.price <= filter.maxPrice)) return false;
  if (filter.category !== undefined && item?.category?.toLowerCase() !== filter.category.toLowerCase()) return false;
  return true;
}

/** The text the content model reads for an item: its text and its category. */
export function catalogText(item: CatalogItem): string {
  return [item.text, item.category].filter(Boolean).join(' ');
}
