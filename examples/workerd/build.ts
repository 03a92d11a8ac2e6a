// `npm run build`: dist/worker.js (the worker and the companion in one ES module, as workerd
// loads it) and dist/cert-elements.min.js (the browser bundle the worker serves).
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(fileURLToPath(import.meta.url));

export async function buildWorker(): Promise<void> {
  mkdirSync(join(root, 'dist'), { recursive: true });
  await build({
    entryPoints: [join(root, 'worker.ts')],
    outfile: join(root, 'dist/worker.js'),
    bundle: true,
    format: 'esm',
    // Web-standard code paths of the dependencies; node:* modules come from nodejs_compat.
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    external: ['node:*', './cdn.js'],
    minify: true,
    logLevel: 'warning',
  });
  copyFileSync(createRequire(import.meta.url).resolve('cert-elements/cert-elements.min.js'), join(root, 'dist/cert-elements.min.js'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWorker();
