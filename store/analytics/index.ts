export { ATTRIBUTION_DAYS, DashboardQueries } from './dashboard-queries';
export { SENTIMENT_BANDS, TranscriptQueries, type SentimentBand, type TranscriptFilter, type TranscriptSummary } from './transcript-queries';
export type * from './types';
export { DEFAULT_SIMILARITY, groupMisunderstood, jaccard, trigrams, type MisunderstoodGroup } from './grouping';
export { csvCell, toCsv, type CsvValue } from './csv';
