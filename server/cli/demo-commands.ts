import { z } from 'zod';
import { DemoShopError, demoOrderSamples, loadDemoShop } from '../../data';
import { openStore } from '../../store';
import { CliError, parseOptions, type CliCommand, type CliIo } from './command';

const LOAD: CliCommand = {
  path: ['demo', 'load'],
  summary: 'load the demo shop (UCI Online Retail catalog, customers and orders) into an empty database',
  usage: '--db FILE',
  async run(argv: string[], io: CliIo): Promise<void> {
    const opts = parseOptions(argv, { db: { type: 'string' } }, z.object({ db: z.string().min(1) }));
    const store = openStore({ file: opts.db });
    try {
      const counts = loadDemoShop(store, { now: Date.now() });
      io.stdout(`loaded ${counts.products} products, ${counts.customers} customers, ${counts.orders} orders into ${opts.db}\n`);
    } catch (err) {
      if (err instanceof DemoShopError) throw new CliError(`--db ${opts.db}: ${err.message}`);
      throw err;
    } finally {
      store.close();
    }
  },
};

const SAMPLES: CliCommand = {
  path: ['demo', 'samples'],
  summary: 'print demo orders to ask the bot about, one per status, with the email that unlocks each',
  usage: '',
  async run(argv: string[], io: CliIo): Promise<void> {
    parseOptions(argv, {}, z.object({}));
    for (const s of demoOrderSamples()) {
      io.stdout(`${s.orderId}\t${s.email}\t${s.status}${s.carrier ? `\t${s.carrier}` : ''}\n`);
    }
  },
};

/** `shopkeep demo load` and `shopkeep demo samples`. */
export const DEMO_COMMANDS: readonly CliCommand[] = [LOAD, SAMPLES];
