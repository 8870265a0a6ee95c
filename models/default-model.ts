import fs from 'node:fs';
import path from 'node:path';
import { parsePropensityModel, type PropensityModel } from './propensity-model';

/** Where the shipped model lives in the repository (see models/assets/README.md). */
export const DEFAULT_MODEL_FILE = path.join('models', 'assets', 'purchase-model.json');

/**
 * The purchase model shipped with Shopkeep, trained on the UCI Online Shoppers data. Found next
 * to this file when run from source, or in the repository's models/assets when run from dist/.
 */
export function loadDefaultPropensityModel(): PropensityModel {
  const candidates = [path.resolve(__dirname, 'assets', 'purchase-model.json'), path.resolve(__dirname, '..', '..', DEFAULT_MODEL_FILE)];
  const file = candidates.find((c) => fs.existsSync(c));
  if (!file) throw new Error(`default purchase model not found (looked in ${candidates.join(', ')})`);
  return parsePropensityModel(JSON.parse(fs.readFileSync(file, 'utf8')));
}
