import type { CatalogEntry, Entity } from '../types';
import { CatalogMatcher } from './catalog';
import { findPatternEntities } from './patterns';
import { findVocabularyEntities } from './vocabulary';

/** Extracts every entity kind from one message, sorted by position, without overlaps. */
export class EntityExtractor {
  private readonly catalog = new CatalogMatcher();

  /** Replaces the product list used for product mentions. */
  setCatalog(products: readonly CatalogEntry[]): void {
    this.catalog.setCatalog(products);
  }

  /** Entities in the text, earliest first. Patterns win over vocabulary words, which win over products. */
  extract(text: string): Entity[] {
    const out: Entity[] = [];
    for (const entity of [...findPatternEntities(text), ...findVocabularyEntities(text), ...this.catalog.find(text)]) {
      if (entity.type === 'product' || !out.some((e) => entity.start < e.end && e.start < entity.end)) out.push(entity);
    }
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

export { CatalogMatcher } from './catalog';
export { findPatternEntities } from './patterns';
export { findVocabularyEntities, COLORS, SIZES, COUNTRIES } from './vocabulary';
