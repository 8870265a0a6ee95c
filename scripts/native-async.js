#!/usr/bin/env node
// Rewrites TypeScript's down-levelled async functions in a package's CommonJS build back into
// native ones: `__awaiter(this, void 0, void 0, function* () { ... yield x ... })` becomes
// `(async () => { ... await x ... })()`. botbuilder ships its libraries compiled for ES2015,
// where every async method is a generator driven by `__awaiter`; each call and each await then
// costs a generator, a promise wrapper and closures, and under load botbuilder's share of the
// server's allocations (half of them) became most of its garbage collection. Native async
// functions do the same with far less.
//
// The rewrite is exact where it is applied: the generator's `this` is the caller's `this` (the
// first argument is `this`, or `void 0` and the body never reads `this`), `arguments` is never
// passed, and only the `yield`s of the generator itself become `await`. Any other shape is left
// as it is. Used to make the patches in patches/ (see patches/README.md); not run at install.
//
// Usage: node scripts/native-async.js FILE_OR_DIR...   (rewrites .js files in place, prints counts)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const acorn = require('acorn');

function children(node) {
  const out = [];
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) for (const child of value) if (child && typeof child.type === 'string') out.push(child);
    if (value && typeof value.type === 'string') out.push(value);
  }
  return out;
}

/** The generator's own `yield`s and `this`es (not those of functions nested in it). */
function ownNodes(generator) {
  const yields = [];
  let usesThis = false;
  const visit = (node) => {
    if (node !== generator && /Function/.test(node.type) && node.type !== 'ArrowFunctionExpression') return;
    if (node.type === 'YieldExpression') yields.push(node);
    if (node.type === 'ThisExpression') usesThis = true;
    for (const child of children(node)) visit(child);
  };
  visit(generator);
  return { yields, usesThis };
}

function isVoid0(node) {
  return node.type === 'UnaryExpression' && node.operator === 'void' && node.argument.type === 'Literal' && node.argument.value === 0;
}

/** The edits that turn one `__awaiter(...)` call into a native async arrow, or none. */
function rewriteCall(call) {
  if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== '__awaiter') return [];
  const [self, args, promise, generator] = call.arguments;
  if (call.arguments.length !== 4 || !isVoid0(args) || !isVoid0(promise)) return [];
  if (generator.type !== 'FunctionExpression' || !generator.generator || generator.async || generator.params.length > 0) return [];
  const { yields, usesThis } = ownNodes(generator);
  if (!(self.type === 'ThisExpression' || (isVoid0(self) && !usesThis))) return [];
  if (yields.some((y) => y.delegate)) return [];
  return [
    { start: call.start, end: generator.body.start, text: '(async () => ' },
    { start: generator.body.end, end: call.end, text: ')()' },
    ...yields.map((y) => ({ start: y.start, end: y.start + 'yield'.length, text: 'await' })),
  ];
}

/** The rewritten source and how many calls were rewritten. */
function rewrite(source) {
  if (!source.includes('__awaiter(')) return { source, calls: 0 };
  const ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true, allowReturnOutsideFunction: true });
  const edits = [];
  let calls = 0;
  const visit = (node) => {
    const found = rewriteCall(node);
    if (found.length > 0) calls += 1;
    edits.push(...found);
    for (const child of children(node)) visit(child);
  };
  visit(ast);
  edits.sort((a, b) => b.start - a.start);
  let out = source;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  // The result must still parse: a wrong edit fails here, not at run time.
  acorn.parse(out, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true, allowReturnOutsideFunction: true });
  return { source: out, calls };
}

function jsFiles(target) {
  if (fs.statSync(target).isFile()) return [target];
  return fs.readdirSync(target, { recursive: true }).map((f) => path.join(target, f)).filter((f) => f.endsWith('.js') && fs.statSync(f).isFile());
}

module.exports = { rewrite };

if (require.main === module) {
  const targets = process.argv.slice(2);
  if (targets.length === 0) {
    process.stderr.write('usage: node scripts/native-async.js FILE_OR_DIR...\n');
    process.exit(2);
  }
  let total = 0;
  let left = 0;
  for (const file of targets.flatMap(jsFiles)) {
    const before = fs.readFileSync(file, 'utf8');
    const { source, calls } = rewrite(before);
    if (calls > 0) fs.writeFileSync(file, source);
    total += calls;
    left += (source.match(/__awaiter\(/g) ?? []).length;
  }
  process.stdout.write(`rewrote ${total} __awaiter calls; ${left} left as they were\n`);
}
