/** Runs `cert-elements sandbox` as a child process for the CLI and crash-safety suites. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));

export interface RunningCli {
  child: ChildProcess;
  url: string;
  output(): string;
}

/** Starts the CLI and resolves with its URL once it prints it (rejects if it exits first or takes > 10 s). */
export function startCli(args: string[]): Promise<RunningCli> {
  return startScript(MAIN, ['sandbox', ...args]);
}

/** Runs a TypeScript file that starts a sandbox and prints `listening on URL`, like the CLI. */
export function startScript(file: string, args: string[], timeoutMs = 10_000): Promise<RunningCli> {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not start in time:\n${out}`));
    }, timeoutMs);
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      resolve({ child, url: match[1] as string, output: () => out });
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the CLI exited with ${code} before listening:\n${out}`));
    };
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Runs the CLI to completion (for bad usage); resolves with exit code and output. */
export function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'sandbox', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  return new Promise((resolve) => {
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Resolves with the exit code (or signal) once the child has exited. */
export function exited(child: ChildProcess): Promise<number | string | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
}
