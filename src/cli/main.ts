/**
 * `cert-elements <command>`: the sandbox and the companion as standalone processes.
 *
 *   cert-elements sandbox [--port 4010] [--data FILE] [--customers N] [--invite-delay MS]
 *   cert-elements serve                      (configured by environment, see `serve --help`)
 */
import { pathToFileURL } from 'node:url';

const USAGE = `Usage: cert-elements <command> [options]

Commands:
  sandbox   run the local AvaTax sandbox (see: cert-elements sandbox --help)
  serve     run the companion (token endpoint + cert API) (see: cert-elements serve --help)
`;

/** Runs one command; resolves once a server is listening. Returns a process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'sandbox': {
        const { sandboxCommand } = await import('./sandbox-command.js');
        return await sandboxCommand(rest);
      }
      case 'serve': {
        const { serveCommand } = await import('./serve-command.js');
        return await serveCommand(rest);
      }
      case undefined:
      case '-h':
      case '--help':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(`cert-elements: unknown command '${command}'\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    process.stderr.write(`cert-elements ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await main(process.argv.slice(2));
  if (code !== 0) process.exit(code);
}
