// The models facade: purchase likelihood from session features, customer segments, and the
// coupon decision with its uplift statistics. Pure TypeScript over plain data.
export { createRng, type Rng } from './random';
export {
  FEATURE_COLUMNS,
  LABEL_COLUMN,
  MONTHS,
  VISITOR_TYPES,
  encodeSession,
  type Month,
  type SessionFeatures,
  type VisitorType,
} from './session-schema';
export { parseSessionsCsv, SessionsCsvError, type SessionsTable } from './sessions-csv';
export { stratifiedFolds } from './folds';
export { calibrationTable, probabilityMetrics, type CalibrationBin, type ProbabilityMetrics } from './metrics';
export { fitIsotonic, calibrate, type IsotonicCalibration } from './calibration';
export { assertForestPatched, trainForest, forestScore, DEFAULT_FOREST_OPTIONS, type CompactForest, type ForestOptions } from './forest';
export {
  DEFAULT_TRAIN_OPTIONS,
  PROPENSITY_MODEL_FORMAT,
  PROPENSITY_MODEL_VERSION,
  parsePropensityModel,
  purchaseLikelihood,
  purchaseProbability,
  trainPropensityModel,
  type PropensityModel,
  type PropensityTrainOptions,
  type TrainHooks,
} from './propensity-model';
export {
  DEFAULT_PAGE_STATS,
  PAGE_TYPES,
  sessionFeatures,
  type PageStats,
  type PageType,
  type PageView,
  type SessionContext,
} from './session-features';
export { defaultSpecialDays, specialDayCloseness } from './special-days';
export { pageStatsFromSessions, type PastSession, type PageStatsOptions } from './page-stats';
export { kMeans, type KMeansResult } from './kmeans';
export {
  SEGMENT_NAMES,
  fitSegments,
  parseSegmentModel,
  rfmByCustomer,
  segmentOf,
  type OrderRecord,
  type Rfm,
  type SegmentModel,
  type SegmentName,
} from './segments';
export {
  COUPON_POLICY_SCHEMA,
  DEFAULT_COUPON_POLICY,
  NO_OFFER_REASONS,
  decideOffer,
  parseCouponPolicy,
  type CouponPolicy,
  type NoOfferReason,
  type OfferContext,
  type OfferDecision,
} from './coupon-policy';
export { normalQuantile, upliftReport, wilsonInterval, type GroupOutcome, type UpliftReport } from './uplift';
export { DEFAULT_MODEL_FILE, loadDefaultPropensityModel } from './default-model';
