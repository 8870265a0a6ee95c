import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { buildRecommender, evaluateLeaveLastOut, parseInteractionsCsv, type Interaction } from '../../recommender';
import { CliError, parseOptions, type CliCommand, type CliIo } from './command';

const kOption = z.coerce.number().int().positive().max(1000).default(10);

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function readInteractions(file: string): Interaction[] {
  try {
    return parseInteractionsCsv(readText(file)).interactions;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file}: ${(err as Error).message}`);
  }
}

/** Progress on stderr: redrawn in place on a terminal, one line per stage and quarter otherwise. */
function progressReporter(io: CliIo): (stage: string, done: number) => void {
  let lastStage = '';
  let lastQuarter = -1;
  return (stage, done) => {
    const quarter = Math.floor(done * 4);
    if (io.isTty) {
      io.stderr(`\r${stage} ${Math.round(done * 100)}%   `);
      return;
    }
    if (stage === lastStage && quarter === lastQuarter) return;
    lastStage = stage;
    lastQuarter = quarter;
    io.stderr(`${stage} ${Math.round(done * 100)}%\n`);
  };
}

function endProgress(io: CliIo): void {
  if (io.isTty) io.stderr('\n');
}

const recommendOptions = z.object({ interactions: z.string().min(1), users: z.string().min(1), out: z.string().min(1), k: kOption });

/** `shopkeep recommend`: bulk export of top-k recommendations, one JSON line per user. */
const recommendCommand: CliCommand = {
  path: ['recommend'],
  summary: 'Writes top-k recommendations per user as JSON lines {"user_id","items"}; unknown users get popular items.',
  usage: '--interactions train.csv --users users.txt --out recs.jsonl [--k 10]',
  async run(argv, io) {
    const spec = { interactions: { type: 'string' }, users: { type: 'string' }, out: { type: 'string' }, k: { type: 'string' } } as const;
    const options = parseOptions(argv, spec, recommendOptions);
    const interactions = readInteractions(options.interactions);
    const users = readText(options.users)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    const recommender = buildRecommender(interactions, { onProgress: progressReporter(io) });
    endProgress(io);
    const lines = users.map((userId) => JSON.stringify({ user_id: userId, items: recommender.recommend(userId, { k: options.k }).map((r) => r.itemId) }));
    try {
      writeFileSync(options.out, lines.length ? `${lines.join('\n')}\n` : '');
    } catch (err) {
      throw new CliError(`cannot write ${options.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    io.stderr(`wrote ${users.length} users to ${options.out}\n`);
  },
};

const evalOptions = z.object({ interactions: z.string().min(1), k: kOption });

const fixed = (value: number): string => value.toFixed(4).padStart(9);

/** `shopkeep recommend eval`: leave-last-out HR/NDCG of the engine against its yardsticks. */
const evalCommand: CliCommand = {
  path: ['recommend', 'eval'],
  summary: 'Leave-last-out evaluation (all items ranked): HR@k and NDCG@k of the engine, popularity and item-kNN.',
  usage: '--interactions FILE [--k 10]',
  async run(argv, io) {
    const options = parseOptions(argv, { interactions: { type: 'string' }, k: { type: 'string' } }, evalOptions);
    const interactions = readInteractions(options.interactions);
    const report = evaluateLeaveLastOut(interactions, { k: options.k, onProgress: progressReporter(io) });
    endProgress(io);
    const k = report.k;
    const rows = [
      ['engine', report.engine],
      ['popularity', report.popularity],
      ['item-kNN', report.itemKnn],
    ] as const;
    io.stdout(`leave-last-out: ${report.users} users, all items ranked\n`);
    io.stdout(`${'method'.padEnd(12)}${`HR@${k}`.padStart(9)}${`NDCG@${k}`.padStart(9)}\n`);
    for (const [name, metrics] of rows) io.stdout(`${name.padEnd(12)}${fixed(metrics.hitRate)}${fixed(metrics.ndcg)}\n`);
    const ratio = report.itemKnn.ndcg > 0 ? (report.engine.ndcg / report.itemKnn.ndcg).toFixed(2) : 'n/a';
    io.stdout(`engine NDCG@${k} / item-kNN: ${ratio}\n`);
  },
};

/** The `shopkeep recommend` commands. */
export const RECOMMEND_COMMANDS: readonly CliCommand[] = [recommendCommand, evalCommand];
