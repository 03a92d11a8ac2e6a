/**
 * `cert-elements sandbox`: runs the local AvaTax sandbox until SIGINT/SIGTERM.
 * Bad usage prints one line and exits 2; an unusable data file exits 1.
 */
import { createSandbox, SANDBOX_DEFAULTS, type Sandbox, type SandboxOptions } from '../sandbox/index.js';

const USAGE = `Usage: cert-elements sandbox [options]

Runs a local emulator of the AvaTax REST v2 exemption-certificate API.

Options:
  --port N            port to listen on (default 4010; 0 picks a free port)
  --host ADDRESS      interface to bind (default 127.0.0.1)
  --data FILE         keep data in FILE (loaded at start, saved atomically after each change)
  --customers N       add N generated customers G-000001… (fresh data only)
  --invite-delay MS   time until a CertExpress invitation is Ready (default 3000)
  --seed N            seed for generated data and fault decisions (default 1)
  -h, --help          show this help
`;

class UsageError extends Error {}

function integer(flag: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined || raw.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || value < min || value > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not '${raw}'`);
  return value;
}

function text(flag: string, raw: string | undefined): string {
  if (raw === undefined || raw === '' || raw.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return raw;
}

/** Parses the sandbox flags (`--flag value` or `--flag=value`). */
export function parseSandboxArgs(argv: string[]): SandboxOptions | 'help' {
  const options: SandboxOptions = { port: 4010 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--port':
        options.port = integer(flag, value(), 0, 65535);
        break;
      case '--host':
        options.host = text(flag, value());
        break;
      case '--data':
        options.dataFile = text(flag, value());
        break;
      case '--customers':
        options.customers = integer(flag, value(), 0, 1_000_000);
        break;
      case '--invite-delay':
        options.inviteDelayMs = integer(flag, value(), 0, 86_400_000);
        break;
      case '--seed':
        options.seed = integer(flag, value(), 0, 4_294_967_295);
        break;
      default:
        throw new UsageError(`unknown option '${arg}'`);
    }
  }
  return options;
}

function banner(sandbox: Sandbox, options: SandboxOptions): string {
  const c = sandbox.credentials;
  return [
    `AvaTax sandbox listening on ${sandbox.url}`,
    `  company id:   ${sandbox.companyId} (code DEFAULT)`,
    `  credentials:  accountId ${c.accountId} / licenseKey ${c.licenseKey}`,
    `                or username ${c.username} / password ${c.password}`,
    `  data:         ${options.dataFile ?? 'in memory (use --data FILE to keep it)'}`,
    `  SDK:          new Avatax({ appName: 'my-app', appVersion: '1.0', machineName: 'dev', environment: '${sandbox.url}' })`,
    `                  .withSecurity({ accountId: '${c.accountId}', licenseKey: '${c.licenseKey}' })`,
    `  control:      ${sandbox.url}/_sandbox/outbox · /_sandbox/faults · /_sandbox/stats`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

/** Runs the command; resolves 0 once listening (the open server keeps the process alive). */
export async function sandboxCommand(argv: string[]): Promise<number> {
  let options: SandboxOptions | 'help';
  try {
    options = parseSandboxArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`cert-elements sandbox: ${error.message} (see --help)\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  options.host ??= SANDBOX_DEFAULTS.host;
  const sandbox = await createSandbox(options);
  process.stdout.write(banner(sandbox, options));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\nReceived ${signal}, stopping the sandbox…\n`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`cert-elements sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
