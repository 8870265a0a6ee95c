import { findPatternEntities } from '../entities/patterns';
import type { Entity, EntityType } from '../types';

/**
 * Placeholders for entities whose value says nothing about the intent: an email address or an
 * order number is a different string every time, so its characters would only add noise (the
 * n-grams of "ann@example.com" once read as a complaint). The placeholder is a token of its own
 * (fastai-style `xx` words, which no language uses), so the model learns from *that* an email or
 * an order number was given, in training and prediction alike.
 */
export const ENTITY_PLACEHOLDERS: Readonly<Partial<Record<EntityType, string>>> = {
  email: 'xxemail',
  phone: 'xxphone',
  order_id: 'xxorderid',
};

/** Replaces entity spans (non-overlapping) by `placeholder(entity)`, where it gives one. */
export function replaceEntities(text: string, entities: readonly Entity[], placeholder: (entity: Entity) => string | undefined): string {
  let out = '';
  let at = 0;
  for (const e of [...entities].sort((a, b) => a.start - b.start)) {
    const word = placeholder(e);
    if (word === undefined || e.start < at) continue;
    out += `${text.slice(at, e.start)} ${word} `;
    at = e.end;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** The text with emails, phone numbers and order numbers replaced by their placeholders. */
export function maskPatternEntities(text: string): string {
  return replaceEntities(text, findPatternEntities(text), (e) => ENTITY_PLACEHOLDERS[e.type]);
}
