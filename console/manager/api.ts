import type { Dashboard, IntentAssignment, MisunderstoodGroup, TranscriptDetail, TranscriptSummary } from '../../store';
import type { OfferReport } from '../../bot';
import type { TrainingState } from '../../server/nlu-training';

export type { OfferReport, TrainingState };

/** A refused request, with the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

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
export class ManagerApi {
  private csrfToken = '';

  private async request<T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await res.json().catch(() => ({}))) as { error?: string };
    if (!res.ok) throw new ApiError(res.status, json.error ?? `request failed (${res.status})`);
    return json as T;
  }

  async login(email: string, password: string): Promise<{ name: string; role: string }> {
    const { user, csrfToken } = await this.request<{ user: { name: string; role: string }; csrfToken: string }>('POST', '/api/agent/login', { email, password });
    this.csrfToken = csrfToken;
    return user;
  }

  /** The signed-in user, or undefined without a live session. */
  async me(): Promise<{ name: string; role: string } | undefined> {
    try {
      const { user, csrfToken } = await this.request<{ user: { name: string; role: string }; csrfToken: string }>('GET', '/api/agent/me');
      this.csrfToken = csrfToken;
      return user;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return undefined;
      throw err;
    }
  }

  logout = (): Promise<unknown> => this.request('POST', '/api/agent/logout', {});
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
