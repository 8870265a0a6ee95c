export * from './types';
export { createBuiltinNlu, builtinModelPath, type BuiltinNluOptions } from './builtin';
export { ShopNlu, type NluParts } from './engine';
export { IntentModel, type IntentModelMeta, type IntentTrainOptions } from './intent/model';
export type { IntentExample, IntentPrediction } from './intent/classifier';
export { EntityExtractor } from './entities';
export { detectLocale } from './text';
export { parseIntentCsv, type LabelledText } from './corpus';
