/**
 * `npm run bench -- sandbox`: the sandbox at 1k, 10k, 100k and 1M generated customers, side
 * by side, with persistence on (a data file in a temporary folder):
 * - start-up: fresh (generate the customers and write the first snapshot) and restart
 *   (read the snapshot back), with the process's RSS and heap after each;
 * - the companion's customer search (`customerCode startswith q or name contains q or city
 *   contains q`, ordered by code, `$top=20`) over rotating terms, one request at a time
 *   (median: robust to a GC pause or a busy machine) and with 10 connections;
 * - the exemption-status lookup (ListValidCertificatesForCustomer) over rotating customers;
 * - write latency: CreateCustomers, one new customer per request, each acknowledged after
 *   its journal line is fdatasync'ed — one at a time, with 1 connection, then with 10
 *   connections (group commit) — and
 *   the longest event-loop stall in the sandbox during that burst (from `/_sandbox/stats`).
 * Each sandbox runs in its own process (this file with `--serve`), so the load generator
 * (autocannon, here) does not share its event loop. Prints a markdown section.
 * BENCH_SECONDS (default 4) sets the length of each measured run; BENCH_SIZES (comma
 * separated) the sizes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox } from '../src/sandbox/index.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { average: number; p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonRequest {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
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

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
const SIZES = (process.env['BENCH_SIZES'] ?? '1000,10000,100000,1000000').split(',').map(Number);
const WARMUP_SECONDS = 1;
const AUTH = `Basic ${Buffer.from('2000000001:sandbox-license-key-0001').toString('base64')}`;
const COMPANY = '/api/v2/companies/7000001';

// --- the sandbox process ------------------------------------------------------------------

interface Started {
  url: string;
  startMs: number;
  rssBytes: number;
  heapUsedBytes: number;
}

/** `--serve N FILE`: starts a sandbox and prints one JSON line (Started). */
async function serve(customers: number, dataFile: string): Promise<void> {
  const started = performance.now();
  // compactAfterBytes 1: a snapshot whenever the journal outgrows the last snapshot (Redis' 100 % rule).
  const sandbox = await createSandbox({ customers, dataFile, compactAfterBytes: 1, logger: () => undefined });
  const startMs = performance.now() - started;
  const memory = process.memoryUsage();
  console.log(JSON.stringify({ url: sandbox.url, startMs, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed } satisfies Started));
}

function startServer(customers: number, dataFile: string): Promise<{ child: ChildProcess; started: Started }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', String(customers), dataFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, started: JSON.parse(line) as Started });
    });
    child.once('exit', (code) => reject(new Error(`the sandbox process exited with ${code}`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

// --- measurements -------------------------------------------------------------------------

interface Load {
  rps: number;
  mean: number;
  p99: number;
  failures: number;
}

async function load(url: string, connections: number, method: string, next: () => { path: string; body?: string }): Promise<Load> {
  const run = (duration: number) =>
    autocannon({
      url,
      connections,
      duration,
      headers: { authorization: AUTH, accept: 'application/json', 'content-type': 'application/json' },
      requests: [{ method, setupRequest: (request) => ({ ...request, ...next() }) }],
    });
  await run(WARMUP_SECONDS);
  const result = await run(SECONDS);
  return { rps: result.requests.average, mean: result.latency.average, p99: result.latency.p99, failures: result.non2xx + result.errors + result.timeouts };
}

/** Median and 90th percentile of `count` requests sent one after the other (robust to a GC pause or a busy machine). */
async function sequential(url: string, count: number, next: () => { path: string; method?: string; body?: string }): Promise<{ median: number; p90: number }> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const { path, method = 'GET', body } = next();
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { method, body, headers: { authorization: AUTH, 'content-type': 'application/json' } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(count / 2)] as number, p90: times[Math.floor(count * 0.9)] as number };
}

const SEARCH_TERMS = ['G-00012', 'summit', 'Boise', 'G-0500', 'harbor supply', 'Denver', 'G-0000', 'lakeside'];

function searchPath(q: string): string {
  const quoted = `'${q.replace(/'/g, "''")}'`;
  const filter = `customerCode startswith ${quoted} or name contains ${quoted} or city contains ${quoted}`;
  return `${COMPANY}/customers?$filter=${encodeURIComponent(filter)}&$top=20&$orderBy=${encodeURIComponent('customerCode ASC')}`;
}

async function controlJson<T>(url: string, method = 'GET'): Promise<T> {
  const response = await fetch(`${url}/_sandbox/stats`, { method });
  return (await response.json()) as T;
}

interface Row {
  customers: number;
  fresh: Started;
  restart: Started;
  search: Load;
  searchOne: { median: number; p90: number };
  lookup: Load;
  writeOne: { median: number; p90: number };
  write1: Load;
  write10: Load;
  stallMs: number;
  snapshotsDuringWrites: number;
}

const generationOf = (dir: string) => Math.max(0, ...readdirSync(dir).map((name) => Number(/journal-(\d+)$/.exec(name)?.[1] ?? 0)));

async function measure(customers: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'cert-elements-bench-'));
  const file = join(dir, 'sandbox.data');
  try {
    const first = await startServer(customers, file);
    await stopServer(first.child);
    const { child, started: restart } = await startServer(customers, file);
    try {
      const url = restart.url;
      let n = 0;
      const nextSearch = () => ({ path: searchPath(SEARCH_TERMS[n++ % SEARCH_TERMS.length] as string) });
      await sequential(url, 100, nextSearch);
      const searchOne = await sequential(url, 400, nextSearch);
      const search = await load(url, 10, 'GET', nextSearch);
      let next = 0;
      const lookup = await load(url, 10, 'GET', () => {
        next = (next + 7919) % customers;
        return { path: `${COMPANY}/customers/G-${String(next + 1).padStart(6, '0')}/certificates/US/WA` };
      });
      let written = 0;
      const create = () => ({
        path: `${COMPANY}/customers`,
        body: JSON.stringify([{ customerCode: `W-${++written}`, name: `Written ${written}`, line1: '1 Bench Way', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US' }]),
      });
      const writeOne = await sequential(url, 400, () => ({ ...create(), method: 'POST' }));
      const write1 = await load(url, 1, 'POST', create);
      const generation = generationOf(dir);
      await controlJson(url, 'DELETE');
      const write10 = await load(url, 10, 'POST', create);
      const stats = await controlJson<{ process: { eventLoopDelayMaxMs: number } }>(url);
      return {
        customers, fresh: first.started, restart, search, searchOne, lookup, writeOne, write1, write10,
        stallMs: stats.process.eventLoopDelayMaxMs, snapshotsDuringWrites: generationOf(dir) - generation,
      };
    } finally {
      await stopServer(child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- report -------------------------------------------------------------------------------

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => fmt(bytes / 1_048_576);
const s = (ms: number) => fmt(ms / 1000, 1);

function report(rows: Row[]): string {
  const head = (title: string) => `| ${[title, ...rows.map((r) => `${fmt(r.customers)} customers`)].join(' | ')} |\n|---|${rows.map(() => '---:').join('|')}|`;
  const line = (label: string, cell: (r: Row) => string) => `| ${label} | ${rows.map(cell).join(' | ')} |`;
  const base = rows.find((r) => r.customers === 10_000) ?? rows[0];
  const ratio = (r: Row, pick: (x: Row) => number) => (base ? fmt(pick(r) / pick(base), 2) : '');
  return [
    '## Sandbox at scale (`bench/sandbox.ts`)',
    '',
    `Each size in its own process with a data file (journal + snapshots); autocannon in the bench process, ${SECONDS} s per run after ${WARMUP_SECONDS} s warm-up; Node ${process.version}.`,
    '',
    head('start-up and memory'),
    line('fresh start: generate + first snapshot (s)', (r) => s(r.fresh.startMs)),
    line('RSS after fresh start (MB)', (r) => mb(r.fresh.rssBytes)),
    line('restart: read the snapshot (s)', (r) => s(r.restart.startMs)),
    line('RSS after restart (MB)', (r) => mb(r.restart.rssBytes)),
    line('heap used after restart (MB)', (r) => mb(r.restart.heapUsedBytes)),
    '',
    head('reads'),
    line('customer search, one at a time: median / p90 (ms)', (r) => `${fmt(r.searchOne.median, 2)} / ${fmt(r.searchOne.p90, 2)}`),
    line('customer search, one at a time: median vs 10k', (r) => ratio(r, (x) => x.searchOne.median)),
    line('customer search, 10 connections: requests/s', (r) => fmt(r.search.rps)),
    line('customer search, 10 connections: mean / p99 (ms)', (r) => `${fmt(r.search.mean, 2)} / ${fmt(r.search.p99, 0)}`),
    line('status lookup, 10 connections: requests/s', (r) => fmt(r.lookup.rps)),
    line('status lookup, 10 connections: mean / p99 (ms)', (r) => `${fmt(r.lookup.mean, 2)} / ${fmt(r.lookup.p99, 0)}`),
    '',
    head('writes (CreateCustomers, fdatasync before the answer)'),
    line('one at a time: median / p90 (ms)', (r) => `${fmt(r.writeOne.median, 2)} / ${fmt(r.writeOne.p90, 2)}`),
    line('one at a time: median vs 10k', (r) => ratio(r, (x) => x.writeOne.median)),
    line('1 connection: writes/s', (r) => fmt(r.write1.rps)),
    line('1 connection: mean / p99 (ms)', (r) => `${fmt(r.write1.mean, 2)} / ${fmt(r.write1.p99, 0)}`),
    line('10 connections: writes/s', (r) => fmt(r.write10.rps)),
    line('10 connections: mean / p99 (ms)', (r) => `${fmt(r.write10.mean, 2)} / ${fmt(r.write10.p99, 0)}`),
    line('longest event-loop stall in the burst (ms)', (r) => fmt(r.stallMs, 0)),
    line('snapshots written during the burst', (r) => fmt(r.snapshotsDuringWrites)),
    line('failed requests (all runs)', (r) => fmt(r.search.failures + r.lookup.failures + r.write1.failures + r.write10.failures)),
  ].join('\n');
}

if (process.argv[2] === '--serve') {
  await serve(Number(process.argv[3]), process.argv[4] as string);
} else {
  const rows: Row[] = [];
  for (const size of SIZES) rows.push(await measure(size));
  console.log(report(rows));
  if (rows.some((r) => r.search.failures + r.lookup.failures + r.write1.failures + r.write10.failures > 0)) process.exitCode = 1;
}
