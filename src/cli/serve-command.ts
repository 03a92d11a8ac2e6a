/**
 * `cert-elements serve`: the companion as a standalone service, configured by environment.
 * Without any AVATAX_* variable it runs against an in-process sandbox.
 */
import { createCertServer, CertServerConfigError, listen, type CertServerConfig } from '../server/index.js';
import type { RedisStore } from '../server/redis.js';

const HELP = `Usage: cert-elements serve

Runs the companion (cert API) as a standalone HTTP service. Configuration comes from the environment:

  CERT_ELEMENTS_SECRET           HS256 key shared with the host that mints tokens (required, >= 32 characters)
  CERT_ELEMENTS_ALLOWED_ORIGINS  comma-separated origins allowed to call cross-origin (optional)
  CERT_ELEMENTS_REDIS_URL        redis:// or rediss:// URL of the state shared by several instances
                                 (status cache, rate limits, invitation locks); default: this process only
  AVATAX_ACCOUNT_ID              AvaTax account id
  AVATAX_LICENSE_KEY             AvaTax license key
  AVATAX_COMPANY_ID              AvaTax company id (number)
  AVATAX_ENVIRONMENT             sandbox | production | base URL (default: sandbox)
  PORT                           port to listen on (default 8787)
  HOST                           interface to bind (default 127.0.0.1)

With no AVATAX_* variable set, a local AvaTax sandbox starts in the same process.
There is no sign-in here: POST /token answers 401, and the host mints tokens itself with
CERT_ELEMENTS_SECRET (claims in docs/server.md).
`;

type Env = Record<string, string | undefined>;

interface ServeSettings {
  secret: string;
  allowedOrigins: string[];
  port: number;
  host: string;
  redisUrl?: string;
  avatax: Omit<CertServerConfig['avatax'], 'timeoutMs'> | null;
}

/** Reads the settings; returns one line per problem instead when something is wrong. Never echoes values. */
export function readServeEnv(env: Env): ServeSettings | { problems: string[] } {
  const problems: string[] = [];
  const secret = env['CERT_ELEMENTS_SECRET'] ?? '';
  if (secret.length < 32) problems.push('CERT_ELEMENTS_SECRET must be set to at least 32 characters.');

  const port = Number(env['PORT'] ?? '8787');
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push('PORT must be an integer between 0 and 65535.');
  const host = env['HOST'] || '127.0.0.1';

  const allowedOrigins = (env['CERT_ELEMENTS_ALLOWED_ORIGINS'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of allowedOrigins) {
    if (!isOrigin(origin)) problems.push(`CERT_ELEMENTS_ALLOWED_ORIGINS has an entry that is not an exact origin (like https://shop.example): ${origin.slice(0, 80)}`);
  }

  const redisUrl = env['CERT_ELEMENTS_REDIS_URL'] || undefined;
  if (redisUrl && !/^rediss?:\/\/[^/]/.test(redisUrl)) problems.push('CERT_ELEMENTS_REDIS_URL must be a redis:// or rediss:// URL.');

  const names = ['AVATAX_ACCOUNT_ID', 'AVATAX_LICENSE_KEY', 'AVATAX_COMPANY_ID', 'AVATAX_ENVIRONMENT'] as const;
  let avatax: ServeSettings['avatax'] = null;
  if (names.some((n) => env[n])) {
    for (const n of names.slice(0, 3)) if (!env[n]) problems.push(`${n} must be set when any AVATAX_* variable is set.`);
    const companyId = Number(env['AVATAX_COMPANY_ID']);
    if (env['AVATAX_COMPANY_ID'] && (!Number.isInteger(companyId) || companyId <= 0)) {
      problems.push('AVATAX_COMPANY_ID must be a positive integer.');
    }
    const environment = env['AVATAX_ENVIRONMENT'] || 'sandbox';
    if (!['sandbox', 'production'].includes(environment) && !/^https?:\/\/[^/]+(\/.*[^/])?$/.test(environment)) {
      problems.push("AVATAX_ENVIRONMENT must be 'sandbox', 'production' or an http(s) base URL without a trailing slash.");
    }
    avatax = { accountId: env['AVATAX_ACCOUNT_ID'] ?? '', licenseKey: env['AVATAX_LICENSE_KEY'] ?? '', companyId, environment };
  }
  return problems.length ? { problems } : { secret, allowedOrigins, port, host, avatax, ...(redisUrl ? { redisUrl } : {}) };
}

/** Starts the companion; resolves 0 once listening, 1 for bad configuration, 2 for bad usage. */
export async function serveCommand(argv: string[], env: Env = process.env): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  if (argv.length) {
    process.stderr.write(`cert-elements serve: unexpected argument '${argv[0]}' (configure with environment variables)\n\n${HELP}`);
    return 2;
  }
  const started = await startServe(env, (line) => process.stdout.write(`cert-elements serve: ${line}\n`));
  if ('problems' in started) {
    for (const p of started.problems) process.stderr.write(`cert-elements serve: ${p}\n`);
    return 1;
  }
  const stop = () => void started.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

/** A running standalone companion. */
export interface Served {
  url: string;
  /** The in-process sandbox's URL when no AVATAX_* variable was set. */
  sandboxUrl?: string;
  close(): Promise<void>;
}

/** Starts the companion (and a sandbox when needed) from the environment; problems are one line each. */
export async function startServe(
  env: Env,
  say: (line: string) => void = () => {},
  logger?: CertServerConfig['logger'],
): Promise<Served | { problems: string[] }> {
  const settings = readServeEnv(env);
  if ('problems' in settings) return settings;

  let closeSandbox = async (): Promise<void> => {};
  let sandboxUrl: string | undefined;
  let avatax: NonNullable<ServeSettings['avatax']>;
  if (settings.avatax) avatax = settings.avatax;
  else {
    const { createSandbox } = await import('../sandbox/index.js');
    const sandbox = await createSandbox({});
    closeSandbox = () => sandbox.close();
    sandboxUrl = sandbox.url;
    avatax = { ...sandbox.credentials, companyId: sandbox.companyId, environment: sandbox.url };
    say(`no AVATAX_* variables set; using an in-process AvaTax sandbox at ${sandbox.url}`);
  }

  let store: RedisStore | undefined;
  if (settings.redisUrl) {
    const { redisStore } = await import('../server/redis.js');
    store = redisStore({ url: settings.redisUrl });
    // Not fatal: the companion serves (without a cache, refusing rate-limited writes) until Redis answers.
    await store.ready().then(
      () => say('sharing state through Redis'),
      () => say('Redis is not reachable yet; serving without shared state until it is'),
    );
  }
  const stop = async (): Promise<void> => {
    await store?.close();
    await closeSandbox();
  };

  let server;
  try {
    server = createCertServer({
      avatax: { accountId: avatax.accountId, licenseKey: avatax.licenseKey, companyId: avatax.companyId, environment: avatax.environment },
      secret: settings.secret,
      allowedOrigins: settings.allowedOrigins,
      ...(store ? { store } : {}),
      ...(logger !== undefined ? { logger } : {}),
    });
  } catch (error) {
    await stop();
    if (error instanceof CertServerConfigError) return { problems: error.problems };
    throw error;
  }
  const listening = await listen(server, { port: settings.port, host: settings.host });
  say(`companion listening on ${listening.url} (cert API at ${listening.url}/v1)`);
  return {
    url: listening.url,
    ...(sandboxUrl ? { sandboxUrl } : {}),
    close: async () => {
      await listening.close();
      await stop();
    },
  };
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}
