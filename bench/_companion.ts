/**
 * One companion for the benchmarks, in a process of its own. Arguments: the sandbox URL and the
 * status cache in seconds (0 = off). Prints its URL and a staff token, on one line.
 */
import { createCertServer, listen } from '../src/server/index.js';

const [sandboxUrl, cacheSeconds] = process.argv.slice(2);
const server = createCertServer({
  avatax: { accountId: '2000000001', licenseKey: 'sandbox-license-key-0001', companyId: 7000001, environment: sandboxUrl!, timeoutMs: 10_000 },
  secret: 'bench-secret-0123456789-abcdefghijklmnopq',
  statusCacheSeconds: Number(cacheSeconds ?? 30),
  logger: false,
});
const http = await listen(server);
const { token } = await server.issueToken({ customerCode: '*', scopes: ['status:read'], ttlSeconds: 900 });
console.log(`${http.url} ${token}`);
process.once('SIGTERM', () => process.exit(0));
// The benchmark asks for the CPU time spent so far (µs) to compute a cost per request.
process.on('SIGUSR2', () => {
  const { user, system } = process.cpuUsage();
  console.log(`cpu ${user + system}`);
});
