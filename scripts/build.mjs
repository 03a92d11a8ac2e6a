// `npm run build`: the browser ES modules and the one-file bundle (Vite), the browser type
// declarations and the Node parts (tsc). Cleans dist/ first so nothing stale ships.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'vite';

rmSync('dist', { recursive: true, force: true });

for (const mode of ['production', 'bundle', 'bundle-erp']) {
  await build({ mode, logLevel: 'warn', configFile: 'vite.config.ts' });
}

for (const project of ['tsconfig.build.json', 'tsconfig.node.build.json']) {
  const { status } = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`build: tsc -p ${project} failed`);
    process.exit(status ?? 1);
  }
}
console.log('build: dist/ ready');
