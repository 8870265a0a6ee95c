'use strict';
// Jest's node environment gives each test file its own realm, so `new Float32Array()` made in a
// test is not an instance of the host realm's Float32Array. onnxruntime-node checks tensors with
// `instanceof` against the host's constructors and rejects them ("A float32 tensor's data must
// be type of function Float32Array()"). Passing the host's typed-array constructors through keeps
// one realm for binary data, as in a plain Node process.
const { TestEnvironment } = require('jest-environment-node');

const SHARED_GLOBALS = [
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Uint8Array', 'Uint8ClampedArray', 'Int8Array',
  'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array',
  'BigInt64Array', 'BigUint64Array',
];

class ShopkeepNodeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED_GLOBALS) this.global[name] = globalThis[name];
  }
}

module.exports = ShopkeepNodeEnvironment;
