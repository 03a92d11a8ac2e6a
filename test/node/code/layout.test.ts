import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { importCircles, importGraph } from '../../support/import-graph.js';

const graph = importGraph('src');

/** The tags the define modules register (`define('tag', Class)`), with the class and the module. */
const definitions = [...graph.keys()]
  .filter((file) => /^elements\/define-[\w-]+\.ts$/.test(file))
  .flatMap((file) => [...readFileSync(`src/${file}`, 'utf8').matchAll(/\bdefine\('([\w-]+)', (\w+)\)/g)].map(([, tag, name]) => ({ file, tag: tag!, name: name! })));

/** Where each element class is declared: `export class Name` in a file under src/elements. */
const classFiles = (name: string): string[] =>
  [...graph.keys()].filter((file) => file.startsWith('elements/') && new RegExp(`^export (abstract )?class ${name}\\b`, 'm').test(readFileSync(`src/${file}`, 'utf8')));

describe('code layout', () => {
  it('finds a circle when there is one (the check itself works)', () => {
    const circular = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]);
    assert.deepEqual(importCircles(circular), ['a.ts → b.ts → c.ts → a.ts']);
  });

  it('has no import circles in the companion, the sandbox and the AvaTax models', () => {
    assert.deepEqual(importCircles(graph, ['server/', 'sandbox/', 'avatax/']), []);
  });

  it('has no import circles among the elements and the client', () => {
    assert.deepEqual(importCircles(graph, ['elements/', 'client/']), []);
  });

  it('has no import circles anywhere in src/', () => {
    assert.deepEqual(importCircles(graph), []);
  });

  it('gives each element a folder of its own holding its one class, beside one shared folder and the define modules', () => {
    const tags = [...new Set(definitions.map((d) => d.tag))].sort();
    assert.deepEqual(tags, ['cert-status', 'cert-upload', 'certexpress-link', 'customer-lookup']);
    const folders = readdirSync('src/elements', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    assert.deepEqual(folders, [...tags, 'shared'].sort());
    // At the top: only the define modules, the barrel and the host's texts (defineStrings).
    const loose = readdirSync('src/elements').filter((name) => name.endsWith('.ts') && !/^define-[\w-]+\.ts$/.test(name));
    assert.deepEqual(loose.sort(), ['index.ts', 'strings.ts']);
    for (const { file, tag, name } of definitions) {
      assert.deepEqual(classFiles(name), [`elements/${tag}/${tag}.ts`], `${file} registers ${name}, declared in elements/${tag}/ once`);
    }
  });

  it('registers one class per tag, whichever bundle: no lean twins', () => {
    for (const tag of new Set(definitions.map((d) => d.tag))) {
      const names = new Set(definitions.filter((d) => d.tag === tag).map((d) => d.name));
      assert.equal(names.size, 1, `<${tag}> is registered as ${[...names].join(' and ')}`);
    }
    assert.deepEqual([...graph.keys()].filter((file) => /-base\.ts$/.test(file)), []);
    const storefront = definitions.filter((d) => d.file === 'elements/define-storefront.ts').map((d) => d.tag).sort();
    assert.deepEqual(storefront, ['cert-status', 'certexpress-link']);
  });

  it('keeps the element folders apart: each imports only its own files, the shared folder and the client', () => {
    const crossing = [...graph].flatMap(([file, imports]) => {
      const [, folder] = file.split('/');
      if (!file.startsWith('elements/') || file.split('/').length < 3) return [];
      return imports
        .filter((target) => target.startsWith('elements/') && !target.startsWith(`elements/${folder}/`) && (folder === 'shared' || !target.startsWith('elements/shared/')))
        .map((target) => `${file} → ${target}`);
    });
    assert.deepEqual(crossing, []);
  });

  it('keeps one set of AvaTax wire models: the companion and the sandbox both import src/avatax/models.ts', () => {
    const importers = [...graph].filter(([, imports]) => imports.includes('avatax/models.ts')).map(([file]) => file);
    assert.ok(importers.includes('server/avatax/models.ts'), 'the companion derives its models from the shared module');
    assert.ok(importers.some((file) => file.startsWith('sandbox/')), 'the sandbox builds the shared models');
    const otherModelFiles = [...graph.keys()].filter((file) => /(^|\/)models\.ts$/.test(file) && file !== 'avatax/models.ts' && file !== 'server/avatax/models.ts');
    assert.deepEqual(otherModelFiles, []);
  });
});
