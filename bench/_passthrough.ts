/**
 * The physical limit for any companion on this machine: a bare keep-alive pass-through proxy
 * (plain node:http, no token check, no verdict) that makes one upstream call per request.
 * `GET /v1/status?customerCode=…` → ListCertificatesForCustomer on the sandbox, body passed on.
 * Argument: the sandbox URL. Prints its own URL.
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

const upstream = new URL(process.argv[2]!);
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const auth = `Basic ${Buffer.from('2000000001:sandbox-license-key-0001').toString('base64')}`;

const server = createServer((req, res) => {
  const code = new URL(req.url ?? '/', 'http://x').searchParams.get('customerCode') ?? '';
  const out = request(
    { host: upstream.hostname, port: upstream.port, agent, path: `/api/v2/companies/7000001/customers/${encodeURIComponent(code)}/certificates?$top=1000`, headers: { authorization: auth, accept: 'application/json' } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/json' });
      answer.pipe(res);
    },
  );
  out.on('error', () => res.writeHead(502).end());
  out.end();
});
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on('SIGUSR2', () => {
  const { user, system } = process.cpuUsage();
  console.log(`cpu ${user + system}`);
});
