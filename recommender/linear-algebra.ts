/** Small dense helpers for the factor model (f×f systems, row-major). */

/** `out += scale * a aᵀ` for a row `a` of length `f` starting at `offset`. */
export function addOuter(out: Float64Array, rows: Float32Array, offset: number, f: number, scale: number): void {
  for (let r = 0; r < f; r++) {
    const ar = (rows[offset + r] as number) * scale;
    if (ar === 0) continue;
    const base = r * f;
    for (let c = 0; c < f; c++) out[base + c] = (out[base + c] as number) + ar * (rows[offset + c] as number);
  }
}

/** `out = M v` for a square row-major matrix. */
export function matVec(m: Float64Array, v: Float64Array, out: Float64Array, f: number): void {
  for (let r = 0; r < f; r++) {
    let sum = 0;
    const base = r * f;
    for (let c = 0; c < f; c++) sum += (m[base + c] as number) * (v[c] as number);
    out[r] = sum;
  }
}

/** Dot product of a factor row with a dense vector. */
export function rowDot(rows: Float32Array, offset: number, v: Float64Array, f: number): number {
  let sum = 0;
  for (let c = 0; c < f; c++) sum += (rows[offset + c] as number) * (v[c] as number);
  return sum;
}

/** Solves `A x = b` in place (x returned in `b`) for symmetric positive definite `A` (destroyed). */
export function choleskySolve(a: Float64Array, b: Float64Array, f: number): void {
  for (let j = 0; j < f; j++) {
    let diag = a[j * f + j] as number;
    for (let k = 0; k < j; k++) diag -= (a[j * f + k] as number) ** 2;
    const root = Math.sqrt(Math.max(diag, 1e-12));
    a[j * f + j] = root;
    for (let i = j + 1; i < f; i++) {
      let sum = a[i * f + j] as number;
      for (let k = 0; k < j; k++) sum -= (a[i * f + k] as number) * (a[j * f + k] as number);
      a[i * f + j] = sum / root;
    }
  }
  for (let i = 0; i < f; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (a[i * f + k] as number) * (b[k] as number);
    b[i] = sum / (a[i * f + i] as number);
  }
  for (let i = f - 1; i >= 0; i--) {
    let sum = b[i] as number;
    for (let k = i + 1; k < f; k++) sum -= (a[k * f + i] as number) * (b[k] as number);
    b[i] = sum / (a[i * f + i] as number);
  }
}
