// `npm test`: every suite of the project, one after the other, then one closing line
// `N passed, N failed, N skipped` over all of them.
//   node suites    test/node/**/*.test.ts   (node:test via tsx: sandbox, companion)
//   browser suite  test/browser/**/*.test.ts (web-test-runner), once per engine:
//                  `browser` in Chromium, `firefox` in Firefox ESR, `webkit` in WebKitGTK
//   end to end     test/e2e/**/*.test.ts    (node:test driving Chromium with playwright-core)
// Arguments narrow the run: `npm test -- node`, `npm test -- browser e2e`, `npm test -- firefox`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRedisServer } from './apt-install.mjs';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureEngine } from './ensure-engines.mjs';

// Per run, so that two runs at once (an editor's and a terminal's) never read each other's totals.
const RESULTS = mkdtempSync(join(tmpdir(), 'cert-elements-tests-'));
process.on('exit', () => rmSync(RESULTS, { recursive: true, force: true }));
const wanted = new Set(process.argv.slice(2));
const runs = (name) => wanted.size === 0 || wanted.has(name);

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(dir, f))
    .sort();
}

/** Newest modification time of the files below `dir` (0 when there are none). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return latest;
}

function buildIsStale() {
  const built = existsSync('dist/cert-elements.min.js') ? statSync('dist/cert-elements.min.js').mtimeMs : 0;
  return built === 0 || newest('src') > built;
}

function readTotals(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function runNodeSuite(name, files, env = process.env) {
  if (files.length === 0) return { passed: 0, failed: 0, skipped: 0 };
  const out = join(RESULTS, `${name}.json`);
  const args = [
    '--import', 'tsx', '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/count-reporter.mjs', `--test-reporter-destination=${out}`,
    ...files,
  ];
  const { status } = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  const totals = readTotals(out) ?? { passed: 0, failed: 0, skipped: 0 };
  if (status !== 0 && totals.failed === 0) totals.failed = 1; // crashed before reporting a failure
  return totals;
}

/** The browser suite in one engine (test/support/browsers.mjs). */
function runBrowserSuite(env, engine) {
  if (testFiles('test/browser').length === 0) return { passed: 0, failed: 0, skipped: 0 };
  const out = join(RESULTS, `browser-${engine}.json`);
  const bin = join('node_modules', '@web', 'test-runner', 'dist', 'bin.js');
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', bin], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...env, WTR_RESULTS_FILE: out, WTR_BROWSER: engine },
  });
  const totals = readTotals(out) ?? { passed: 0, failed: 0, skipped: 0 };
  if (status !== 0 && totals.failed === 0) totals.failed = 1;
  return totals;
}

const sum = { passed: 0, failed: 0, skipped: 0 };
const add = (label, t) => {
  console.log(`\n${label}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped\n`);
  sum.passed += t.passed;
  sum.failed += t.failed;
  sum.skipped += t.skipped;
};

let env = process.env;
if (runs('browser') || runs('e2e')) {
  try {
    env = { ...process.env, CHROME_PATH: ensureChromium() };
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

// Some tests read the build (the bundles, the packed tarball): build when it is missing or
// older than the sources, so `npm test` works on a fresh clone by itself.
if (buildIsStale()) {
  console.log('dist/ is missing or older than src/: building first (npm run build)…');
  if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}
if (runs('node')) ensureRedisServer();
if (runs('node')) add('node', runNodeSuite('node', testFiles('test/node'), env));
if (runs('browser')) add('browser (Chromium)', runBrowserSuite(env, 'chromium'));
for (const [name, label] of [['firefox', 'Firefox ESR'], ['webkit', 'WebKitGTK']]) {
  if (!runs(name)) continue;
  try {
    ensureEngine(name);
  } catch (error) {
    console.error(error.message);
    add(`browser (${label})`, { passed: 0, failed: 1, skipped: 0 });
    continue;
  }
  add(`browser (${label})`, runBrowserSuite(env, name));
}
if (runs('e2e')) add('e2e', runNodeSuite('e2e', testFiles('test/e2e'), env));

console.log(`${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
process.exit(sum.failed > 0 ? 1 : 0);
