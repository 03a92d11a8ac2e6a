// @ts-check
// Browser tests in one engine per run (WTR_BROWSER: chromium, firefox or webkit; see
// test/support/browsers.mjs), TypeScript through esbuild with the legacy decorators of
// tsconfig.json, and a reporter that hands totals to scripts/test.mjs.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { launcherFor } from './test/support/browsers.mjs';

const ENGINE = process.env.WTR_BROWSER ?? 'chromium';

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

/** A free loopback port for the dev server, so the backend knows the page origin up front. */
async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

const HOST = '127.0.0.1';
const PORT = await freePort();
const ORIGIN = `http://${HOST}:${PORT}`;

// The real sandbox + companion, reached same-origin under /cert-api (see test/support/backend.ts).
const { startBackend } = await import('./test/support/backend.ts');
const backend = await startBackend({ origin: ORIGIN });
let closing;
const closeBackend = () => (closing ??= backend.close());
process.once('SIGINT', () => void closeBackend().finally(() => process.exit(130)));

// A page served with a strict Content-Security-Policy (no 'unsafe-inline'); tests load it in an iframe.
const CSP_NONCE = 'cert-elements-test-nonce';
const cspPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script nonce="${CSP_NONCE}">window.litNonce = '${CSP_NONCE}';</script>
<script type="module" nonce="${CSP_NONCE}" src="/test/browser/fixtures/csp-page.ts"></script></head><body>
<cert-status token-endpoint="/cert-api/token?csp" customer-code="C-1001" region="WA"></cert-status>
<certexpress-link token-endpoint="/cert-api/token?csp" customer-code="C-1005" region="WA"></certexpress-link>
</body></html>`;

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  hostname: HOST,
  port: PORT,
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  browsers: [await launcherFor(ENGINE)],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    {
      name: 'cert-elements-test-backend',
      async serverStop() {
        await closeBackend();
      },
    },
  ],
  middleware: [
    async (ctx, next) => {
      if (ctx.path !== '/_test/csp.html') return next();
      ctx.set('Content-Security-Policy', `default-src 'self'; script-src 'self' 'nonce-${CSP_NONCE}'; style-src 'self' 'nonce-${CSP_NONCE}'; object-src 'none'; base-uri 'none'`);
      ctx.type = 'html';
      ctx.body = cspPage;
    },
    async (ctx, next) => {
      // The built one-file bundle on a plain page (no import map, no build step).
      if (ctx.path !== '/_test/bundle.html') return next();
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="fr"><head><script type="module" src="/dist/cert-elements.min.js"></script></head><body>
<cert-status token-endpoint="/cert-api/token?bundle" customer-code="C-1002" region="WA"></cert-status></body></html>`;
    },
    (ctx, next) => backend.middleware(ctx, next),
  ],
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), totalsReporter()],
};
