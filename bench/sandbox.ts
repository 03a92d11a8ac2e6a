/**
 * `npx tsx bench/sandbox.ts`: throughput and latency of the sandbox's exemption-status lookup
 * (ListValidCertificatesForCustomer, `GET …/customers/{code}/certificates/US/WA`) over
 * rotating customer codes, with 10,000 and with 100,000 generated customers, plus the time
 * to build each data set. The lookup reads a (customer, zone) index, so the 100k/10k ratio
 * should stay near 1. Loopback, one process: compare runs on one machine, not with production.
 * Prints a markdown table. BENCH_SECONDS (default 8) sets the length of each run.
 */
import { createRequire } from 'node:module';
import { createSandbox } from '../src/sandbox/index.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { average: number; p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonRequest {
  method: string;
  path: string;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  requests: Array<{ method: string; setupRequest: (request: AutocannonRequest) => AutocannonRequest }>;
}) => Promise<AutocannonResult>;

// autocannon ships no type declarations; this is the slice used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const DURATION_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 8);
const CONNECTIONS = 10;
const SIZES = [10_000, 100_000];
/** Unmeasured run on each data set first, so JIT warm-up does not favour whichever size runs second. */
const WARMUP_SECONDS = 1;

interface Row {
  customers: number;
  buildMs: number;
  rps: number;
  mean: number;
  p50: number;
  p99: number;
  failures: number;
}

async function measure(customers: number): Promise<Row> {
  const started = performance.now();
  const sandbox = await createSandbox({ customers });
  const buildMs = performance.now() - started;
  try {
    const { accountId, licenseKey } = sandbox.credentials;
    let next = 0;
    // A stride coprime with the size visits every customer in a scattered order.
    const stride = 7919;
    const run = (duration: number) => autocannon({
      url: sandbox.url,
      connections: CONNECTIONS,
      duration,
      headers: { authorization: `Basic ${Buffer.from(`${accountId}:${licenseKey}`).toString('base64')}`, accept: 'application/json' },
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => {
            next = (next + stride) % customers;
            const code = `G-${String(next + 1).padStart(6, '0')}`;
            return { ...request, path: `/api/v2/companies/${sandbox.companyId}/customers/${code}/certificates/US/WA` };
          },
        },
      ],
    });
    await run(WARMUP_SECONDS);
    const result = await run(DURATION_SECONDS);
    return {
      customers,
      buildMs,
      rps: result.requests.average,
      mean: result.latency.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      failures: result.non2xx + result.errors + result.timeouts,
    };
  } finally {
    await sandbox.close();
  }
}

const rows: Row[] = [];
for (const size of SIZES) rows.push(await measure(size));

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const lines = [
  '## Sandbox: exemption-status lookup (ListValidCertificatesForCustomer)',
  '',
  `autocannon, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run after ${WARMUP_SECONDS} s warm-up, rotating customer codes, Node ${process.version}.`,
  '',
  '| customers | build data set (ms) | requests/s | mean (ms) | p50 (ms) | p99 (ms) | failed requests |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${fmt(r.customers)} | ${fmt(r.buildMs)} | ${fmt(r.rps)} | ${fmt(r.mean, 2)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.failures)} |`),
];
const [small, large] = rows;
if (small && large) {
  lines.push('', `Ratio 100k/10k: requests/s ${fmt(large.rps / small.rps, 2)}, mean latency ${fmt(large.mean / small.mean, 2)} (≈1 means the lookup does not scan).`);
}
console.log(lines.join('\n'));
if (rows.some((r) => r.failures > 0)) process.exitCode = 1;
