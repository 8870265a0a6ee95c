import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const load = createRequire(__filename);
const { rewrite } = load('../../scripts/native-async.js') as { rewrite: (source: string) => { source: string; calls: number } };

/** TypeScript's own `__awaiter` helper, as every ES2015 build of botbuilder defines it. */
const AWAITER = `var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};`;

/** A module in the shape tsc emits for async methods, arrows and a nested generator. */
const MODULE = `${AWAITER}
class Counter {
    constructor() { this.count = 0; }
    add(n) {
        return __awaiter(this, void 0, void 0, function* () {
            const step = yield Promise.resolve(n);
            this.count += step;
            const inner = () => __awaiter(this, void 0, void 0, function* () { return (yield this.count) * 10; });
            function* own() { yield 'a generator of its own keeps its yield'; }
            return [yield inner(), own().next().value];
        });
    }
    fail() {
        return __awaiter(this, void 0, void 0, function* () { yield 1; throw new Error('rejected'); });
    }
}
const free = (x) => __awaiter(void 0, void 0, void 0, function* () { return (yield x) + 1; });
const readsThis = () => __awaiter(void 0, void 0, void 0, function* () { return this === undefined; });
function withArguments() {
    return __awaiter(this, arguments, void 0, function* () { return arguments.length; });
}
module.exports = { Counter, free, readsThis, withArguments };`;

function evaluate(source: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  vm.runInNewContext(source, { module, Promise }, { filename: 'sample.js' });
  return module.exports;
}

async function behaviour(exports: Record<string, unknown>): Promise<unknown[]> {
  const { Counter, free, withArguments } = exports as {
    Counter: new () => { add(n: number): Promise<unknown>; fail(): Promise<unknown>; count: number };
    free: (x: number) => Promise<number>;
    withArguments: (...args: unknown[]) => Promise<number>;
  };
  const counter = new Counter();
  const added = await counter.add(4);
  const failure = await counter.fail().catch((err: Error) => err.message);
  return [added, counter.count, failure, await free(1), await withArguments(1, 2, 3)];
}

describe('scripts/native-async.js (the rewrite behind the botbuilder patches)', () => {
  it('turns __awaiter generators into native async arrows that behave the same', async () => {
    const { source, calls } = rewrite(MODULE);
    // add, its inner arrow, fail and free; not the one whose generator reads `this`, nor the one given `arguments`.
    expect(calls).toBe(4);
    expect(source).toContain('const step = await Promise.resolve(n);');
    expect(source).toContain("function* own() { yield 'a generator of its own keeps its yield'; }");
    expect(source).toContain('readsThis = () => __awaiter(void 0, void 0, void 0, function* () { return this === undefined; });');
    expect(source).toContain('return __awaiter(this, arguments, void 0, function* () { return arguments.length; });');
    expect(await behaviour(evaluate(source))).toEqual(await behaviour(evaluate(MODULE)));
    expect(await behaviour(evaluate(source))).toEqual([[40, 'a generator of its own keeps its yield'], 4, 'rejected', 2, 3]);
  });

  it('leaves a rewritten file as it is', () => {
    const once = rewrite(MODULE).source;
    expect(rewrite(once)).toEqual({ source: once, calls: 0 });
  });
});

describe('patched botbuilder-core and botbuilder-dialogs (native async functions)', () => {
  it.each(['botbuilder-core', 'botbuilder-dialogs'])('%s: no generator-driven async function is left in its build', (pkg) => {
    const lib = path.join(path.dirname(load.resolve(`${pkg}/package.json`)), 'lib');
    const files = fs.readdirSync(lib, { recursive: true }).map(String).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(10);
    // Stock 4.23.3 has 202 such calls between the two; the patches rewrite every one.
    const left = files.filter((f) => /__awaiter\(/.test(fs.readFileSync(path.join(lib, f), 'utf8')));
    expect(left).toEqual([]);
  });
});
