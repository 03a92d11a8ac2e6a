/**
 * `npm run bench`: runs every benchmark script in this folder, one after the other, each in
 * its own process so that one's warm caches and sockets do not flatter the next.
 * Each script prints a markdown section; this runner only strings them together.
 * `npm run bench -- sandbox` runs only bench/sandbox.ts.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = new Set(process.argv.slice(2));
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => only.size === 0 || only.has(name))
  .sort();

let failed = 0;
for (const name of scripts) {
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', join(here, `${name}.ts`)], { stdio: 'inherit' });
  if (status !== 0) {
    failed++;
    console.error(`bench ${name}: exited with ${status}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
