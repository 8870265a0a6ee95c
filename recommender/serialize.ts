import { z } from 'zod';
import type { ScoredList } from './accumulator';
import { gramOf } from './als';
import { COMPONENTS, type Component } from './components';
import { Recommender } from './engine';
import { EVENT_KINDS } from './types';
import { InteractionIndex } from './interactions';
import { ItemSimilarity } from './item-similarity';
import { ItemUsers } from './item-users';
import { UserSimilarity } from './user-similarity';

const FORMAT = 'shopkeep-recommender';
const VERSION = 1;

const rowsSchema = z.object({ ptr: z.string(), ids: z.string(), scores: z.string() });
const similaritySchema = z.object({
  mode: z.enum(['cooccurrence', 'sequence']),
  neighbours: z.number().int().positive().optional(),
  shrink: z.number().nonnegative().optional(),
  window: z.number().int().positive().optional(),
  rows: rowsSchema,
});

/** The saved shape, checked on load: a model file is untrusted input like any other. */
const savedSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  blend: z.object({
    weights: z.object(Object.fromEntries(COMPONENTS.map((c) => [c, z.number().nonnegative()])) as Record<Component, z.ZodNumber>),
    recencyDecay: z.number().positive().max(1),
  }),
  eventWeights: z.object(Object.fromEntries(EVENT_KINDS.map((k) => [k, z.number().positive()])) as Record<(typeof EVENT_KINDS)[number], z.ZodNumber>),
  validationNdcg: z.number().nullable(),
  userKnn: z.object({ neighbours: z.number().int().positive().optional(), shrink: z.number().nonnegative().optional() }),
  items: z.array(z.string()),
  users: z.array(z.string()),
  /** Per user: item indices, undamped strengths, bought flags (0/1), oldest first. */
  histories: z.array(z.tuple([z.array(z.number().int().nonnegative()), z.array(z.number().positive()), z.array(z.number().int().min(0).max(1))])),
  cooccurrence: similaritySchema,
  sequence: similaritySchema,
  als: z.object({ factors: z.number().int().positive(), regularization: z.number(), alpha: z.number(), itemFactors: z.string() }).nullable(),
  catalog: z.array(
    z.object({ id: z.string(), text: z.string().optional(), category: z.string().optional(), price: z.number().optional(), inStock: z.boolean().optional() }),
  ),
});

/** A recommender as plain JSON (typed arrays as base64), for files and worker messages. */
export type SavedRecommender = z.infer<typeof savedSchema>;

const toBase64 = (array: Int32Array | Float32Array): string => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');

function fromBase64<T extends Int32Array | Float32Array>(text: string, Kind: new (buffer: ArrayBuffer) => T): T {
  const bytes = Buffer.from(text, 'base64');
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return new Kind(copy);
}

function saveRows(similarity: ItemSimilarity): SavedRecommender['cooccurrence'] {
  const rows = similarity.rows();
  const ptr = new Int32Array(rows.length + 1);
  rows.forEach((row, i) => (ptr[i + 1] = (ptr[i] as number) + row.ids.length));
  const ids = new Int32Array(ptr[rows.length] as number);
  const scores = new Float32Array(ids.length);
  rows.forEach((row, i) => {
    ids.set(row.ids, ptr[i]);
    scores.set(row.scores, ptr[i]);
  });
  const { mode, neighbours, shrink, window } = similarity.options;
  return { mode, neighbours, shrink, window, rows: { ptr: toBase64(ptr), ids: toBase64(ids), scores: toBase64(scores) } };
}

function loadRows(saved: SavedRecommender['cooccurrence']): ScoredList[] {
  const ptr = fromBase64(saved.rows.ptr, Int32Array);
  const ids = fromBase64(saved.rows.ids, Int32Array);
  const scores = fromBase64(saved.rows.scores, Float32Array);
  return Array.from({ length: ptr.length - 1 }, (_, i) => ({ ids: ids.subarray(ptr[i], ptr[i + 1]), scores: scores.subarray(ptr[i], ptr[i + 1]) }));
}

/** Everything needed to answer queries again, as JSON-safe data. */
export function saveRecommender(recommender: Recommender): SavedRecommender {
  const { index, cooccurrence, sequence, users, als } = recommender.models;
  return {
    format: FORMAT,
    version: VERSION,
    blend: recommender.blend,
    eventWeights: recommender.eventWeights,
    validationNdcg: recommender.validationNdcg ?? null,
    userKnn: users.options,
    items: index.itemIds.slice(),
    users: index.userIds.slice(),
    histories: index.histories.map((h) => [h.items.slice(), (h.raw ?? h.values.map(Math.expm1)).slice(), (h.bought ?? []).map((b) => (b ? 1 : 0))]),
    cooccurrence: saveRows(cooccurrence),
    sequence: saveRows(sequence),
    als: als ? { factors: als.factors, regularization: als.regularization, alpha: als.alpha, itemFactors: toBase64(als.itemFactors) } : null,
    catalog: recommender.catalogItems(),
  };
}

function restoreIndex(saved: SavedRecommender): InteractionIndex {
  const index = new InteractionIndex();
  for (const id of saved.items) index.itemOf(id);
  saved.users.forEach((id, user) => {
    index.userOf(id);
    const [items, raw, bought] = saved.histories[user] ?? [[], [], []];
    items.forEach((item, at) => {
      if (item >= saved.items.length) throw new Error(`saved recommender: item index ${item} out of range`);
      index.append(user, item, raw[at] ?? 1, bought[at] === 1 ? 'purchase' : 'view');
    });
  });
  return index;
}

/** Rebuilds a recommender from {@link saveRecommender} output (or its JSON text, parsed). */
export function loadRecommender(data: unknown): Recommender {
  const parsed = savedSchema.safeParse(data);
  if (!parsed.success) throw new Error(`not a saved recommender: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim());
  return restoreRecommender(parsed.data);
}

/**
 * Rebuilds a recommender from {@link saveRecommender} output made by this process's code (a
 * rebuild worker's result), without checking its shape again: {@link loadRecommender} does that
 * for data from elsewhere, and it is about half the time of a load, spent on the main thread.
 */
export function restoreRecommender(saved: SavedRecommender): Recommender {
  const index = restoreIndex(saved);
  const itemUsers = new ItemUsers(index);
  const similarity = (s: SavedRecommender['cooccurrence']): ItemSimilarity => {
    const { mode, neighbours, shrink, window } = s;
    const restored = new ItemSimilarity(index, itemUsers, { mode, neighbours, shrink, window });
    restored.load(loadRows(s));
    return restored;
  };
  const itemFactors = saved.als ? fromBase64(saved.als.itemFactors, Float32Array) : undefined;
  const als = saved.als && itemFactors ? { ...saved.als, itemFactors, gram: gramOf(itemFactors, itemFactors.length / saved.als.factors, saved.als.factors) } : undefined;
  return new Recommender({
    models: { index, itemUsers, cooccurrence: similarity(saved.cooccurrence), sequence: similarity(saved.sequence), users: new UserSimilarity(index, itemUsers, saved.userKnn), als },
    blend: saved.blend,
    eventWeights: saved.eventWeights,
    catalog: saved.catalog,
    validationNdcg: saved.validationNdcg ?? undefined,
  });
}
