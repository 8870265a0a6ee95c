/** Jest globalTeardown: removes the demo template folder of `demo-template.ts`. */
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_TEMPLATE_ENV } from './demo-template';

export default function removeDemoTemplate(): void {
  const template = process.env[DEMO_TEMPLATE_ENV];
  if (template) fs.rmSync(path.dirname(template), { recursive: true, force: true });
}
