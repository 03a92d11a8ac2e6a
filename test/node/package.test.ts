// What `npm pack` ships: every export target, every module the manifest names, the tag
// definitions, the license and the docs the README links. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

interface Manifest {
  modules: Array<{ path: string; exports?: Array<{ kind: string; name: string; declaration: { name: string; module?: string } }> }>;
}

test('the packed tarball holds what package.json, the manifest and the README point at', (t) => {
  if (!existsSync('dist/index.js')) return t.skip('run npm run build first');
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as [{ files: Array<{ path: string }> }];
  const files = new Set(pack.files.map((f) => f.path));
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | Record<string, string>>; customElements: string };

  const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
  for (const target of targets) assert.ok(files.has(target.replace(/^\.\//, '')), `export target ${target} is not packed`);

  assert.ok(files.has(pkg.customElements));
  const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8')) as Manifest;
  for (const mod of manifest.modules) assert.ok(files.has(mod.path), `manifest module ${mod.path} is not packed`);
  const definitions = manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition'));
  assert.deepEqual(definitions.map((d) => d.name).sort(), ['cert-status', 'cert-upload', 'certexpress-link', 'customer-lookup']);
  for (const d of definitions) assert.ok(d.declaration.module && files.has(d.declaration.module), `${d.name} points at ${d.declaration.module}`);

  assert.ok(files.has('LICENSE'));
  const readme = readFileSync('README.md', 'utf8');
  for (const [, link] of readme.matchAll(/\]\(((?:docs|examples)\/[^)#]*|examples)[)#]/g)) {
    const target = link!.replace(/\/$/, '');
    assert.ok(files.has(target) || [...files].some((f) => f.startsWith(`${target}/`)), `README links ${link}, which is not packed`);
  }
  assert.ok(![...files].some((f) => /^examples\/.*\/(dist|node_modules)\//.test(f)), 'no example build output in the package');
});
