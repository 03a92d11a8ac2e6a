// `npm run test:node-lts`: the Node suites (`npm test -- node`) again on the current LTS line,
// Node 24, from npm's `node-<platform>-<arch>` package (the binary ships inside it), installed
// once into a cache folder. The machine's own Node (20) runs them in `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LINE = process.env.CERT_ELEMENTS_NODE_LTS ?? '24';
const pkg = `node-${process.platform}-${process.arch}`;
const prefix = join(process.env.CERT_ELEMENTS_CACHE ?? join(tmpdir(), 'cert-elements-cache'), `node${LINE}`);
const node = join(prefix, 'node_modules', pkg, 'bin', 'node');

if (!existsSync(node)) {
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'), '{"private":true}');
  const { status } = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `${pkg}@${LINE}`], { cwd: prefix, stdio: 'inherit' });
  if (status !== 0 || !existsSync(node)) {
    console.error(`node-lts: could not install ${pkg}@${LINE} from npm`);
    process.exit(1);
  }
}
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`node-lts: the Node suites on ${version}`);
const { status } = spawnSync(node, ['scripts/test.mjs', 'node', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(status ?? 1);
