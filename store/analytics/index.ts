export { ATTRIBUTION_DAYS, DashboardQueries } from './dashboard-queries';
export { SENTIMENT_BANDS, TranscriptQueries, type SentimentBand, type TranscriptFilter, type TranscriptSummary } from './transcript-queries';
export type * from './types';
