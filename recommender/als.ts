import type { InteractionIndex } from './interactions';
import { addOuter, choleskySolve, matVec, rowDot } from './linear-algebra';
import type { Random } from './random';

/** Options of implicit-feedback ALS (Hu, Koren & Volinsky 2008, conjugate-gradient solver). */
export interface AlsOptions {
  /** Latent dimensions. @default 48 */
  factors?: number;
  /** Alternating sweeps. @default 10 */
  iterations?: number;
  /** L2 penalty. @default 0.1 */
  regularization?: number;
  /** Confidence per unit of strength: c = 1 + alpha·r. @default 20 */
  alpha?: number;
  /** Conjugate-gradient steps per row per sweep. @default 3 */
  cgSteps?: number;
  /** Sweeps when starting from {@link AlsWarmStart} factors. @default 3 */
  warmIterations?: number;
}

/** Item factors of an earlier model (e.g. the validation build) to start from, by item id. */
export interface AlsWarmStart {
  itemIds: readonly string[];
  model: AlsModel;
}

/** Trained item factors plus the Gram matrix queries fold users in with. */
export interface AlsModel {
  factors: number;
  regularization: number;
  alpha: number;
  /** Row-major `items × factors`. */
  itemFactors: Float32Array;
  /** `itemFactorsᵀ itemFactors`, cached for fold-in. */
  gram: Float64Array;
}

interface Csr {
  ptr: Int32Array;
  idx: Int32Array;
  val: Float32Array;
}

function toCsr(rows: number, entries: { row: number; col: number; value: number }[]): Csr {
  const ptr = new Int32Array(rows + 1);
  for (const e of entries) ptr[e.row + 1] = (ptr[e.row + 1] as number) + 1;
  for (let r = 0; r < rows; r++) ptr[r + 1] = (ptr[r + 1] as number) + (ptr[r] as number);
  const fill = ptr.slice(0, rows);
  const idx = new Int32Array(entries.length);
  const val = new Float32Array(entries.length);
  for (const e of entries) {
    const at = fill[e.row] as number;
    fill[e.row] = at + 1;
    idx[at] = e.col;
    val[at] = e.value;
  }
  return { ptr, idx, val };
}

/** `rowsᵀ rows` for `count` rows of width `f`. */
export function gramOf(rows: Float32Array, count: number, f: number): Float64Array {
  const gram = new Float64Array(f * f);
  for (let r = 0; r < count; r++) addOuter(gram, rows, r * f, f, 1);
  return gram;
}

/** One CG sweep over all rows of `x` against fixed `y` (implicit's least_squares_cg). */
function sweep(x: Float32Array, y: Float32Array, csr: Csr, f: number, reg: number, alpha: number, steps: number, yCount: number): void {
  const gram = gramOf(y, yCount, f);
  for (let d = 0; d < f; d++) gram[d * f + d] = (gram[d * f + d] as number) + reg;
  const xv = new Float64Array(f);
  const r = new Float64Array(f);
  const p = new Float64Array(f);
  const ap = new Float64Array(f);
  const rows = csr.ptr.length - 1;
  for (let u = 0; u < rows; u++) {
    const start = csr.ptr[u] as number;
    const end = csr.ptr[u + 1] as number;
    for (let d = 0; d < f; d++) xv[d] = x[u * f + d] as number;
    matVec(gram, xv, r, f);
    for (let d = 0; d < f; d++) r[d] = -(r[d] as number);
    for (let e = start; e < end; e++) {
      const i = (csr.idx[e] as number) * f;
      const c = 1 + alpha * (csr.val[e] as number);
      const coef = c - (c - 1) * rowDot(y, i, xv, f);
      for (let d = 0; d < f; d++) r[d] = (r[d] as number) + coef * (y[i + d] as number);
    }
    p.set(r);
    let rsOld = dot(r, r, f);
    for (let step = 0; step < steps && rsOld > 1e-20; step++) {
      matVec(gram, p, ap, f);
      for (let e = start; e < end; e++) {
        const i = (csr.idx[e] as number) * f;
        const coef = alpha * (csr.val[e] as number) * rowDot(y, i, p, f);
        for (let d = 0; d < f; d++) ap[d] = (ap[d] as number) + coef * (y[i + d] as number);
      }
      const a = rsOld / dot(p, ap, f);
      for (let d = 0; d < f; d++) {
        xv[d] = (xv[d] as number) + a * (p[d] as number);
        r[d] = (r[d] as number) - a * (ap[d] as number);
      }
      const rsNew = dot(r, r, f);
      for (let d = 0; d < f; d++) p[d] = (r[d] as number) + (rsNew / rsOld) * (p[d] as number);
      rsOld = rsNew;
    }
    for (let d = 0; d < f; d++) x[u * f + d] = xv[d] as number;
  }
}

function dot(a: Float64Array, b: Float64Array, f: number): number {
  let sum = 0;
  for (let d = 0; d < f; d++) sum += (a[d] as number) * (b[d] as number);
  return sum;
}

function copyWarmFactors(items: Float32Array, index: InteractionIndex, warm: AlsWarmStart): number {
  const f = warm.model.factors;
  let copied = 0;
  warm.itemIds.forEach((id, from) => {
    const to = index.findItem(id);
    if (to === undefined || (from + 1) * f > warm.model.itemFactors.length) return;
    items.set(warm.model.itemFactors.subarray(from * f, (from + 1) * f), to * f);
    copied++;
  });
  return copied;
}

/** Trains item factors on every history in `index`, from random or warm-started factors. */
export function trainAls(index: InteractionIndex, options: AlsOptions, random: Random, onProgress?: (done: number) => void, warm?: AlsWarmStart): AlsModel {
  const f = options.factors ?? 48;
  const reg = options.regularization ?? 0.1;
  const alpha = options.alpha ?? 20;
  const steps = options.cgSteps ?? 3;
  const entries: { row: number; col: number; value: number }[] = [];
  index.histories.forEach((h, user) => h.items.forEach((item, at) => entries.push({ row: user, col: item, value: h.values[at] as number })));
  const byUser = toCsr(index.userCount, entries);
  const byItem = toCsr(index.itemCount, entries.map((e) => ({ row: e.col, col: e.row, value: e.value })));
  const init = (n: number): Float32Array => Float32Array.from({ length: n * f }, () => (random() - 0.5) * 0.02);
  const users = init(index.userCount);
  const items = init(index.itemCount);
  const warmed = warm && warm.model.factors === f ? copyWarmFactors(items, index, warm) : 0;
  // Starting near the answer, a few sweeps converge: this halves the final build after validation.
  const iterations = warmed > index.itemCount / 2 ? (options.warmIterations ?? 3) : (options.iterations ?? 10);
  for (let it = 0; it < iterations; it++) {
    sweep(users, items, byUser, f, reg, alpha, steps, index.itemCount);
    sweep(items, users, byItem, f, reg, alpha, steps, index.userCount);
    onProgress?.((it + 1) / iterations);
  }
  return { factors: f, regularization: reg, alpha, itemFactors: items, gram: gramOf(items, index.itemCount, f) };
}

/**
 * The exact least-squares user vector for a history (fold-in): works for known users, users
 * with new events and anonymous sessions alike, so user factors never go stale.
 */
export function foldIn(model: AlsModel, items: readonly number[], values: readonly number[]): Float64Array {
  const f = model.factors;
  const a = Float64Array.from(model.gram);
  const b = new Float64Array(f);
  for (let d = 0; d < f; d++) a[d * f + d] = (a[d * f + d] as number) + model.regularization;
  const known = model.itemFactors.length / f;
  items.forEach((item, at) => {
    if (item >= known) return;
    const c = 1 + model.alpha * (values[at] as number);
    addOuter(a, model.itemFactors, item * f, f, c - 1);
    for (let d = 0; d < f; d++) b[d] = (b[d] as number) + c * (model.itemFactors[item * f + d] as number);
  });
  choleskySolve(a, b, f);
  return b;
}
