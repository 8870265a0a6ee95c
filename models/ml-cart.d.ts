// ml-cart ships no types; this declares the part models/ uses (ml-random-forest builds the trees).
declare module 'ml-cart' {
  /** A CART classification tree. */
  export class DecisionTreeClassifier {
    constructor(options?: Record<string, unknown>);
    /** The tree options after defaults (the patched version adds `maxThresholds`). */
    options: Record<string, unknown>;
    train(rows: number[][], labels: number[]): void;
    predict(rows: number[][]): number[];
  }
}
