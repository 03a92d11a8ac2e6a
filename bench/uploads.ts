/**
 * What concurrent certificate uploads cost the companion in memory: six 10 MB PDFs sent at
 * once, with the default limit of two handled at a time and with the limit raised to 64 (as
 * good as none). Peak heap + array buffers of the companion's process above idle, sampled every
 * 5 ms, in MB and as a multiple of the megabytes being uploaded. The sandbox and the sending
 * client run in child processes, so their copies of the files are not counted.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createCertServer, listen } from '../src/server/index.js';

const FILE_MB = 10;
const UPLOADS = 6;
const SECRET = 'bench-secret-0123456789-abcdefghijklmnopq';

async function startSandboxProcess(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sandbox', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (found) resolve(found[0]);
    });
    child.once('exit', () => reject(new Error(`sandbox exited: ${output}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** A PDF of `mb` megabytes: a valid header and trailer around filler. */
function bigPdf(mb: number): Uint8Array {
  const head = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n%';
  const tail = '\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  const bytes = new Uint8Array(mb * 1024 * 1024);
  bytes.fill(0x41);
  bytes.set(new TextEncoder().encode(head));
  bytes.set(new TextEncoder().encode(tail), bytes.length - tail.length);
  return bytes;
}

const used = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** The client's side, run as `tsx bench/uploads.ts --send URL TOKEN`: sends the uploads, prints the statuses. */
async function send(url: string, token: string): Promise<void> {
  const file = bigPdf(FILE_MB);
  const answers = await Promise.all(
    Array.from({ length: UPLOADS }, (_, i) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ country: 'US', region: ['AL', 'AK', 'AZ', 'AR', 'CO', 'CT'][i]!, exemptionReason: 'RESALE', signedDate: '2026-01-02' })) form.append(k, v);
      form.append('file', new Blob([file], { type: 'application/pdf' }), 'big.pdf');
      return fetch(`${url}/v1/certificates`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    }),
  );
  console.log(JSON.stringify(await Promise.all(answers.map(async (a) => (await a.arrayBuffer(), a.status)))));
}

async function measure(limit: number, sandboxUrl: string): Promise<{ peakMb: number; seconds: number; statuses: number[] }> {
  const server = createCertServer({
    avatax: { accountId: '2000000001', licenseKey: 'sandbox-license-key-0001', companyId: 7000001, environment: sandboxUrl, timeoutMs: 60_000 },
    secret: SECRET,
    logger: false,
    maxConcurrentUploads: limit,
  });
  const http = await listen(server);
  const token = (await server.issueToken({ customerCode: 'C-1005', scopes: ['certificate:upload'] })).token;
  global.gc?.();
  const idle = used();
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, used())), 5);
  const started = performance.now();
  const client = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--send', http.url, token], { stdio: ['ignore', 'pipe', 'inherit'] });
  let printed = '';
  client.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  await once(client, 'exit');
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const statuses = JSON.parse(printed) as number[];
  await http.close();
  return { peakMb: (peak - idle) / 1024 / 1024, seconds, statuses };
}

if (process.argv[2] === '--send') {
  await send(process.argv[3]!, process.argv[4]!);
  process.exit(0);
}

const sandbox = await startSandboxProcess();
try {
  const rows: string[] = [];
  for (const limit of [2, 64]) {
    const { peakMb, seconds, statuses } = await measure(limit, sandbox.url);
    rows.push(`| ${limit === 64 ? '64 (no real limit)' : `${limit} (default)`} | ${UPLOADS} × ${FILE_MB} MB | ${peakMb.toFixed(0)} | ${(peakMb / (UPLOADS * FILE_MB)).toFixed(1)}× | ${(peakMb / (Math.min(limit, UPLOADS) * FILE_MB)).toFixed(1)}× | ${seconds.toFixed(1)} | ${statuses.join(' ')} |`);
  }
  console.log('\n### Companion memory under concurrent uploads\n');
  console.log('Peak heap + array buffers of the companion process above idle while the uploads run.\n');
  console.log('| maxConcurrentUploads | uploads | peak (MB) | per MB sent at once | per MB handled at once | time (s) | answers |');
  console.log('|---|---|---:|---:|---:|---:|---|');
  for (const row of rows) console.log(row);
} finally {
  sandbox.stop();
  await once(process, 'beforeExit').catch(() => undefined);
}
