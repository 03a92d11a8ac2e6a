/** Runs an installed tool of an example (type check, build); throws with its output when it fails. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** `node_modules/.bin/<name>` nearest to `cwd` (the examples may share one install above them). */
export function bin(name: string, cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.bin', name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (npm install in the example first)`);
  }
}

export function run(tool: string, args: string[], cwd: string): void {
  const { status, stdout, stderr } = spawnSync(bin(tool, cwd), args, { cwd, encoding: 'utf8', env: process.env });
  if (status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${status}):\n${stdout}\n${stderr}`);
}
