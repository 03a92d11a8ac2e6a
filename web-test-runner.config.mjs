// @ts-check
// Browser tests: Debian's Chromium (CHROME_PATH), TypeScript through esbuild with the legacy
// decorators of tsconfig.json, and a reporter that hands totals to scripts/test.mjs.
import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Writes `{passed, failed, skipped}` to WTR_RESULTS_FILE when the run ends. */
/** @returns {import('@web/test-runner').Reporter} */
function totalsReporter() {
  /** @param {any} suite */
  const count = (suite) => {
    const r = { passed: 0, failed: 0, skipped: 0 };
    for (const t of suite?.tests ?? []) t.skipped ? r.skipped++ : t.passed ? r.passed++ : r.failed++;
    for (const c of suite?.suites ?? []) {
      const x = count(c);
      r.passed += x.passed; r.failed += x.failed; r.skipped += x.skipped;
    }
    return r;
  };
  return {
    stop({ sessions }) {
      const total = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const x = count(session.testResults);
        total.passed += x.passed; total.failed += x.failed; total.skipped += x.skipped;
        if (!session.passed && x.failed === 0) total.failed++; // the file failed to load, or the session errored
      }
      if (process.env.WTR_RESULTS_FILE) writeFileSync(process.env.WTR_RESULTS_FILE, JSON.stringify(total));
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROME,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), totalsReporter()],
};
