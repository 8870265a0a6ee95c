import type { Dashboard, IntentAssignment, MisunderstoodGroup, TranscriptDetail, TranscriptSummary } from '../../store';
import type { OfferReport } from '../../bot';
import type { TrainingState } from '../../server/nlu-training';
import { ApiError, SessionClient } from '../session-client';

export type { OfferReport, TrainingState };

export { ApiError };

/** A period as the page's date inputs give it (`YYYY-MM-DD`, `to` inclusive). */
export interface DayRange {
  from: string;
  to: string;
}

/** The API's half-open period for a day range. */
export function periodQuery(range: DayRange): URLSearchParams {
  const to = new Date(Date.parse(`${range.to}T00:00:00.000Z`) + 86_400_000).toISOString();
  return new URLSearchParams({ from: `${range.from}T00:00:00.000Z`, to });
}

/** The coupon policy in force (GET/PUT /api/manager/offers/policy). */
export interface PolicyDocument {
  enabled: boolean;
  policy: {
    band: { min: number; max: number };
    discountBySegment: Partial<Record<string, number>>;
    dailyBudget: number;
    offerEveryDays: number;
    holdOutShare: number;
  };
  updatedBy: string | null;
  updatedAt: string | null;
}

/** The dashboard's REST client: same-origin cookie session, CSRF token on every change. */
export class ManagerApi extends SessionClient<{ name: string; role: string }> {
  dashboard = (range: DayRange): Promise<Dashboard> => this.request('GET', `/api/manager/dashboard?${periodQuery(range)}`);
  offersReport = (range: DayRange): Promise<OfferReport> => this.request('GET', `/api/manager/offers/report?${periodQuery(range)}`);
  transcripts = (query: URLSearchParams): Promise<{ conversations: TranscriptSummary[]; hasMore: boolean }> => this.request('GET', `/api/manager/transcripts?${query}`);
  transcript = (id: string): Promise<TranscriptDetail> => this.request('GET', `/api/manager/transcripts/${encodeURIComponent(id)}`);
  misunderstood = (range: DayRange): Promise<{ groups: MisunderstoodGroup[] }> => this.request('GET', `/api/manager/misunderstood?${periodQuery(range)}`);
  intents = (): Promise<{ intents: string[] }> => this.request('GET', '/api/manager/intents');
  assignments = (): Promise<{ assignments: IntentAssignment[] }> => this.request('GET', '/api/manager/assignments');
  assign = (text: string, intent: string, locale: string): Promise<{ assignment: IntentAssignment }> => this.request('POST', '/api/manager/assignments', { text, intent, locale });
  retrain = (): Promise<TrainingState> => this.request('POST', '/api/manager/nlu/retrain', {});
  training = (): Promise<TrainingState> => this.request('GET', '/api/manager/nlu/training');
  couponPolicy = (): Promise<PolicyDocument> => this.request('GET', '/api/manager/offers/policy');
  saveCouponPolicy = (doc: { enabled: boolean; policy: PolicyDocument['policy'] }): Promise<PolicyDocument> =>
    this.request('PUT', '/api/manager/offers/policy', doc);
}
