/**
 * `npx tsx bench/server.ts`: the companion's `GET /v1/status?country=US&region=WA` against the
 * same lookup made directly on the sandbox (ListValidCertificatesForCustomer), with autocannon.
 *
 *   direct  sandbox, Basic auth, one AvaTax call per request
 *   cold    companion with the status cache off: token check + one upstream call per request
 *   warm    companion with the default 30 s cache: token check + cache hit
 *
 * Everything runs in this process on loopback, so the numbers compare relative cost on one
 * machine rather than production throughput. Prints a markdown table.
 */
import { createRequire } from 'node:module';
import { createSandbox } from '../src/sandbox/index.js';
import { createCertServer, listen } from '../src/server/index.js';

interface AutocannonResult {
  requests: { average: number };
  latency: { average: number; p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<AutocannonResult>;

// autocannon ships no type declarations; this is the slice used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const DURATION_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 8);
const CONNECTIONS = 10;
const SECRET = 'bench-secret-0123456789-abcdefghijklmnopq';

const sandbox = await createSandbox({});
const avatax = { ...sandbox.credentials, companyId: sandbox.companyId, environment: sandbox.url };
const cold = createCertServer({ avatax, secret: SECRET, statusCacheSeconds: 0, logger: false });
const warm = createCertServer({ avatax, secret: SECRET, logger: false });
const coldHttp = await listen(cold);
const warmHttp = await listen(warm);
const token = (await cold.issueToken({ customerCode: 'C-1001', scopes: ['status:read'] })).token;
const auth = `Basic ${Buffer.from(`${sandbox.credentials.accountId}:${sandbox.credentials.licenseKey}`).toString('base64')}`;

const targets = [
  { name: 'sandbox direct', url: `${sandbox.url}/api/v2/companies/${sandbox.companyId}/customers/C-1001/certificates/US/WA`, headers: { authorization: auth } },
  { name: 'companion, cache cold', url: `${coldHttp.url}/v1/status?country=US&region=WA`, headers: { authorization: `Bearer ${token}` } },
  { name: 'companion, cache warm', url: `${warmHttp.url}/v1/status?country=US&region=WA`, headers: { authorization: `Bearer ${token}` } },
];

const results: Array<{ name: string; result: AutocannonResult }> = [];
try {
  for (const target of targets) {
    const check = await fetch(target.url, { headers: target.headers });
    if (check.status !== 200) throw new Error(`${target.name}: HTTP ${check.status} before the run`);
    await check.arrayBuffer();
    await autocannon({ url: target.url, headers: target.headers, connections: CONNECTIONS, duration: 1 }); // warm-up
    results.push({ name: target.name, result: await autocannon({ url: target.url, headers: target.headers, connections: CONNECTIONS, duration: DURATION_SECONDS }) });
  }
} finally {
  await coldHttp.close();
  await warmHttp.close();
  await sandbox.close();
}

const direct = results[0]?.result;
const lines = [
  `## Companion: GET /v1/status (one zone), ${CONNECTIONS} connections, ${DURATION_SECONDS} s each`,
  '',
  '| target | req/s | mean ms | p50 ms | p99 ms | mean latency vs direct | req/s vs direct | non-2xx / errors |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(({ name, result }) => {
    const latencyRatio = direct && direct.latency.average > 0 ? `${(result.latency.average / direct.latency.average).toFixed(2)}×` : 'n/a';
    const rpsRatio = direct ? `${(result.requests.average / direct.requests.average).toFixed(2)}×` : 'n/a';
    return `| ${name} | ${Math.round(result.requests.average)} | ${result.latency.average.toFixed(2)} | ${result.latency.p50} | ${result.latency.p99} | ${latencyRatio} | ${rpsRatio} | ${result.non2xx} / ${result.errors + result.timeouts} |`;
  }),
  '',
  'autocannon, the sandbox and the companion share one process here; read the ratios, not the absolute numbers.',
  '',
];
console.log(lines.join('\n'));
