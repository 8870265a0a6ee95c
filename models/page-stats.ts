import { DEFAULT_PAGE_STATS, type PageStats } from './session-features';

/** One past session of the shop: its page URLs in order and the revenue it made (0 if none). */
export interface PastSession {
  urls: readonly string[];
  revenue: number;
}

/** Options of {@link pageStatsFromSessions}. */
export interface PageStatsOptions {
  /**
   * Weight of the prior in sessions: a page seen in few sessions keeps rates near the prior
   * instead of swinging to 0 or 1. @default 20
   */
  priorWeight?: number;
  /** @default DEFAULT_PAGE_STATS */
  prior?: PageStats;
}

interface Tally {
  entrances: number;
  bounces: number;
  views: number;
  exits: number;
  sessions: number;
  revenue: number;
}

function tallyOf(tallies: Map<string, Tally>, url: string): Tally {
  let t = tallies.get(url);
  if (!t) {
    t = { entrances: 0, bounces: 0, views: 0, exits: 0, sessions: 0, revenue: 0 };
    tallies.set(url, t);
  }
  return t;
}

/**
 * Bounce rate, exit rate and page value of every page, from the shop's own past sessions, with
 * the meaning of the data set's Google Analytics metrics (see {@link PageStats}); each is shrunk
 * toward the prior by `priorWeight` pseudo-sessions.
 *
 * @example
 * const pageStats = pageStatsFromSessions([{ urls: ['/', '/p/mug'], revenue: 12 }]);
 * sessionFeatures(views, { visitorType: 'New_Visitor', pageStats });
 */
export function pageStatsFromSessions(sessions: readonly PastSession[], options: PageStatsOptions = {}): Map<string, PageStats> {
  const m = options.priorWeight ?? 20;
  const prior = options.prior ?? DEFAULT_PAGE_STATS;
  const tallies = new Map<string, Tally>();
  for (const session of sessions) {
    const [first] = session.urls;
    const last = session.urls[session.urls.length - 1];
    if (first === undefined || last === undefined) continue;
    const entry = tallyOf(tallies, first);
    entry.entrances++;
    if (session.urls.length === 1) entry.bounces++;
    tallyOf(tallies, last).exits++;
    for (const url of session.urls) tallyOf(tallies, url).views++;
    for (const url of new Set(session.urls)) {
      const t = tallyOf(tallies, url);
      t.sessions++;
      t.revenue += session.revenue;
    }
  }
  // with no observations (and no prior weight) a rate is the prior itself
  const shrunk = (count: number, n: number, priorValue: number): number => (n + m === 0 ? priorValue : (count + m * priorValue) / (n + m));
  const stats = new Map<string, PageStats>();
  for (const [url, t] of tallies) {
    stats.set(url, {
      bounceRate: shrunk(t.bounces, t.entrances, prior.bounceRate),
      exitRate: shrunk(t.exits, t.views, prior.exitRate),
      pageValue: shrunk(t.revenue, t.sessions, prior.pageValue),
    });
  }
  return stats;
}
