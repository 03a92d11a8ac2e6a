/**
 * `npm run bench -- server`: what the companion costs, against the physical limit of any
 * companion on this machine. Every target runs in a process of its own; the sandbox (10 000
 * generated customers) in another; autocannon drives them from this one.
 *
 * Throughput, with customers and zones rotating on every request (no two neighbours alike):
 *   sandbox direct        ListCertificatesForCustomer on the sandbox itself
 *   bare proxy            plain node:http keep-alive pass-through, no token, one upstream call
 *   companion, cache off  token check + one upstream call + verdict
 *   companion, cache on   the same with the default 30 s cache (many customers: mostly misses
 *                         at first, hits as the run goes on)
 * The targets are measured in turn, A/B/C/D then again, so that neighbour load falls on all alike.
 * Beside each: upstream calls per request (sandbox requests counted during the run).
 *
 * Latency in upstream round trips, with a fixed 50 ms added by the sandbox to every answer:
 * one verdict (cache off), and a staff batch of 100 distinct customers.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { sandboxApiRequests, setSandboxFaults, startChild, startSandboxChild, type Child } from './_processes.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { average: number; p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}
type Autocannon = (options: { url: string; connections: number; duration: number; headers?: Record<string, string>; requests?: AutocannonRequest[] }) => Promise<AutocannonResult>;
// autocannon ships no type declarations; this is the slice used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2);
const CONNECTIONS = 16;
const CUSTOMERS = 10_000;
const ZONES: Array<[string, string]> = [['US', 'WA'], ['US', 'CA'], ['US', 'TX'], ['US', 'NY'], ['US', 'FL'], ['US', 'OR'], ['CA', 'ON']];
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const BASIC = `Basic ${Buffer.from('2000000001:sandbox-license-key-0001').toString('base64')}`;

let n = 0;
/** The next customer and zone, different on every request. */
function next(): { code: string; country: string; region: string } {
  n = (n + 7919) % CUSTOMERS;
  const [country, region] = ZONES[n % ZONES.length]!;
  return { code: `G-${String(n + 1).padStart(6, '0')}`, country, region };
}

interface Target {
  name: string;
  url: string;
  path: () => string;
  headers: Record<string, string>;
}

const sandbox = await startSandboxChild(CUSTOMERS);
const children: Child[] = [sandbox];
try {
  const proxy = await startChild(here('./_passthrough.ts'), [sandbox.url]);
  const cold = await startChild(here('./_companion.ts'), [sandbox.url, '0']);
  const warm = await startChild(here('./_companion.ts'), [sandbox.url, '30']);
  children.push(proxy, cold, warm);
  const staff = (child: Child) => ({ authorization: `Bearer ${child.line.split(' ')[1]}` });
  const companionPath = (): string => {
    const { code, country, region } = next();
    return `/v1/status?customerCode=${code}&country=${country}&region=${region}`;
  };
  const targets: Target[] = [
    { name: 'sandbox direct', url: sandbox.url, path: () => `/api/v2/companies/7000001/customers/${next().code}/certificates?%24top=1000`, headers: { authorization: BASIC } },
    { name: 'bare keep-alive proxy', url: proxy.url, path: () => `/v1/status?customerCode=${next().code}`, headers: {} },
    { name: 'companion, cache off', url: cold.url, path: companionPath, headers: staff(cold) },
    { name: 'companion, cache on (30 s)', url: warm.url, path: companionPath, headers: staff(warm) },
  ];

  const totals = new Map<string, { rps: number[]; p99: number[]; upstream: number; requests: number; failed: number }>();
  for (const t of targets) {
    const check = await fetch(t.url + t.path(), { headers: t.headers });
    if (check.status !== 200) throw new Error(`${t.name}: HTTP ${check.status} before the run: ${await check.text()}`);
    await autocannon({ url: t.url, connections: CONNECTIONS, duration: 1, requests: [{ headers: t.headers, setupRequest: (r) => ({ ...r, path: t.path() }) }] });
    totals.set(t.name, { rps: [], p99: [], upstream: 0, requests: 0, failed: 0 });
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const t of targets) {
      const before = await sandboxApiRequests(sandbox.url);
      const result = await autocannon({ url: t.url, connections: CONNECTIONS, duration: SECONDS, requests: [{ headers: t.headers, setupRequest: (r) => ({ ...r, path: t.path() }) }] });
      const row = totals.get(t.name)!;
      row.rps.push(result.requests.average);
      row.p99.push(result.latency.p99);
      row.upstream += (await sandboxApiRequests(sandbox.url)) - before;
      row.requests += result.requests.total;
      row.failed += result.non2xx + result.errors + result.timeouts;
    }
  }

  // Latency as round trips to AvaTax: the sandbox now adds 50 ms to every answer.
  const RTT = 50;
  await setSandboxFaults(sandbox.url, { latencyMs: RTT });
  const timeIt = async (run: () => Promise<Response>): Promise<number> => {
    const started = performance.now();
    const res = await run();
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    return performance.now() - started;
  };
  const singles: number[] = [];
  for (let i = 0; i < 9; i++) singles.push(await timeIt(() => fetch(cold.url + companionPath(), { headers: staff(cold) })));
  const batches: number[] = [];
  for (let i = 0; i < 3; i++) {
    const items = Array.from({ length: 100 }, () => {
      const { code, country, region } = next();
      return { customerCode: code, country, region };
    });
    batches.push(await timeIt(() => fetch(`${cold.url}/v1/status/batch`, { method: 'POST', headers: { ...staff(cold), 'content-type': 'application/json' }, body: JSON.stringify({ items }) })));
  }
  await setSandboxFaults(sandbox.url, {});

  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const proxyRps = median(totals.get('bare keep-alive proxy')!.rps);
  const directRps = median(totals.get('sandbox direct')!.rps);
  console.log(`\n### Companion throughput, customers and zones rotating (${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s per target, interleaved)\n`);
  console.log('| target | req/s (median of rounds) | vs bare proxy | vs sandbox direct | p99 ms | upstream calls per request | failed |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [name, row] of totals) {
    const rps = median(row.rps);
    console.log(`| ${name} | ${Math.round(rps)} | ${(rps / proxyRps).toFixed(2)}× | ${(rps / directRps).toFixed(2)}× | ${median(row.p99)} | ${(row.upstream / Math.max(1, row.requests)).toFixed(2)} | ${row.failed} |`);
  }
  console.log(`\n### Latency in upstream round trips (the sandbox adds ${RTT} ms to every answer)\n`);
  console.log('| request | median (ms) | upstream round trips |');
  console.log('|---|---:|---:|');
  console.log(`| one verdict, cache off | ${median(singles).toFixed(0)} | ${(median(singles) / RTT).toFixed(1)} |`);
  console.log(`| batch of 100 distinct customers | ${median(batches).toFixed(0)} | ${(median(batches) / RTT).toFixed(1)} |`);
} finally {
  for (const child of children) child.stop();
}
