/** Runs the built worker in workerd (from npm) on `port`, with the companion's settings. */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bin } from '../shared/run.ts';

const root = dirname(fileURLToPath(import.meta.url));

export interface Settings {
  AVATAX_ENVIRONMENT: string;
  AVATAX_ACCOUNT_ID: string;
  AVATAX_LICENSE_KEY: string;
  AVATAX_COMPANY_ID: string;
  CERT_ELEMENTS_SECRET: string;
}

export async function startWorkerd(port: number, settings: Settings): Promise<{ url: string; stop(): void }> {
  // The npm package's launcher (or, once its install script ran, the binary itself).
  const child: ChildProcess = spawn(bin('workerd', root), ['serve', 'config.capnp', '--socket-addr', `http=127.0.0.1:${port}`], {
    cwd: root,
    env: { ...process.env, ...settings },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`workerd exited with ${child.exitCode}`);
    try {
      await fetch(`${url}/cdn/cert-elements.min.js`, { method: 'HEAD' });
      return { url, stop: () => void child.kill() };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  throw new Error('workerd did not start');
}
