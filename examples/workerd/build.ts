// `npm run build`: dist/worker.js (the worker and the companion in one ES module, as workerd
// loads it) and dist/cdn.js (the browser bundle and the chunks it loads on first use, by path,
// for the worker to serve under /cdn/).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  const cdn = dirname(createRequire(import.meta.url).resolve('cert-elements/cert-elements.min.js'));
  const files: Record<string, string> = { 'cert-elements.min.js': readFileSync(join(cdn, 'cert-elements.min.js'), 'utf8') };
  for (const chunk of readdirSync(join(cdn, 'chunks'))) files[`chunks/${chunk}`] = readFileSync(join(cdn, 'chunks', chunk), 'utf8');
  writeFileSync(join(root, 'dist/cdn.js'), `export default ${JSON.stringify(files)};\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWorker();
