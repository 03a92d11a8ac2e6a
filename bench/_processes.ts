/**
 * Child processes for the benchmarks, so that the load generator, the target and the sandbox
 * each have a process (and a core, as far as two cores go) of their own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Child {
  url: string;
  /** The whole line the URL was printed on (a child may print more there, e.g. a token). */
  line: string;
  process: ChildProcess;
  stop(): void;
}

/** Runs `node --import tsx script ...args` and resolves with the first http URL it prints. */
export function startChild(script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  let output = '';
  child.stdout!.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    const onData = (chunk: string): void => {
      output += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+[^\n]*\n/.exec(output);
      if (!found) return;
      child.stdout!.off('data', onData).resume();
      const line = found[0].trim();
      resolve({ url: line.split(/\s/)[0]!, line, process: child, stop: () => void child.kill('SIGTERM') });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it printed its URL:\n${output}`)));
  });
}

/** The sandbox CLI on a free port with `customers` generated customers. */
export const startSandboxChild = (customers: number): Promise<Child> =>
  startChild(fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)), ['sandbox', '--port', '0', '--customers', String(customers)]);

/** Sets the sandbox's faults (e.g. a fixed latency) through its control route. */
export async function setSandboxFaults(sandboxUrl: string, faults: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sandboxUrl}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
  if (!res.ok) throw new Error(`setting sandbox faults: HTTP ${res.status} ${await res.text()}`);
}

/** Requests the sandbox has answered under /api/v2 so far. */
export async function sandboxApiRequests(sandboxUrl: string): Promise<number> {
  const stats = (await (await fetch(`${sandboxUrl}/_sandbox/stats`)).json()) as { byRoute: Record<string, number> };
  return Object.entries(stats.byRoute).filter(([route]) => route.includes('/api/v2/')).reduce((sum, [, n]) => sum + n, 0);
}
