// `npm run test:examples [-- react vue …]`: the apps under examples/, as an integrator gets them.
// One `npm pack` of this package (built first: `npm run build`), one `npm install` of every
// example's dependencies together with that tarball in a scratch folder, then each example's
// test.ts there: it type-checks the app, builds it and drives it in Chromium against the real
// companion and sandbox. Ends with `examples: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';

const EXAMPLES = resolve('examples');
const WORK = process.env.CERT_ELEMENTS_EXAMPLES_DIR ?? join(tmpdir(), 'cert-elements-examples');
const APPS = join(WORK, 'apps');

const sh = (command, args, cwd, extraEnv = {}) => {
  const { status } = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...extraEnv } });
  return status ?? 1;
};

const wanted = new Set(process.argv.slice(2));
const apps = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(EXAMPLES, d.name, 'test.ts')) && (wanted.size === 0 || wanted.has(d.name)))
  .map((d) => d.name)
  .sort();

if (!existsSync('dist/index.js')) {
  console.error('examples: dist/ is missing; run npm run build first');
  process.exit(1);
}

// One tarball, exactly what `npm publish` would upload.
mkdirSync(APPS, { recursive: true });
for (const f of readdirSync(WORK)) if (f.endsWith('.tgz')) rmSync(join(WORK, f));
const packed = spawnSync('npm', ['pack', '--pack-destination', WORK, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (packed.status !== 0) process.exit(packed.status ?? 1);
// Named by content, so that the install below never keeps an older build of the same version.
const { filename, shasum } = JSON.parse(packed.stdout)[0];
const tarball = join(WORK, `cert-elements-${shasum.slice(0, 12)}.tgz`);
renameSync(join(WORK, filename), tarball);

// The examples side by side, as in the repository, so `../shared` resolves; node_modules above them.
for (const name of readdirSync(APPS, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'node_modules')) {
  rmSync(join(APPS, name.name), { recursive: true, force: true });
}
cpSync(EXAMPLES, APPS, { recursive: true, filter: (src) => !/[\\/](node_modules|dist)([\\/]|$)/.test(src) });

// Every example's dependencies in one install; a version asked for twice must agree.
const dependencies = {};
for (const name of readdirSync(EXAMPLES)) {
  const file = join(EXAMPLES, name, 'package.json');
  if (!existsSync(file)) continue;
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  for (const [dep, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
    if (dependencies[dep] && dependencies[dep] !== range) {
      console.error(`examples: ${dep} is asked for as ${dependencies[dep]} and ${range}; make the examples agree`);
      process.exit(1);
    }
    dependencies[dep] = range;
  }
}
dependencies['cert-elements'] = `file:${tarball}`;
writeFileSync(join(APPS, 'package.json'), JSON.stringify({ name: 'cert-elements-examples', private: true, type: 'module', dependencies }, null, 2));
if (sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], APPS) !== 0) process.exit(1);

let chrome;
try {
  chrome = ensureChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const totals = { passed: 0, failed: 0 };
for (const app of apps) {
  const started = Date.now();
  const { status, stdout } = spawnSync(join(APPS, 'node_modules', '.bin', 'tsx'), ['test.ts'], {
    cwd: join(APPS, app),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CHROME_PATH: chrome },
  });
  process.stdout.write(stdout);
  const line = stdout.match(new RegExp(`^${app}: (\\d+) passed, (\\d+) failed$`, 'm'));
  const passed = Number(line?.[1] ?? 0);
  let failed = Number(line?.[2] ?? 0);
  if (status !== 0 && failed === 0) failed = 1; // crashed before its verdict
  totals.passed += passed;
  totals.failed += failed;
  console.log(`  (${app}: ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
console.log(`examples: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
