import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importCircles, importGraph } from '../../support/import-graph.js';

const graph = importGraph('src');

describe('code layout', () => {
  it('finds a circle when there is one (the check itself works)', () => {
    const circular = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]);
    assert.deepEqual(importCircles(circular), ['a.ts → b.ts → c.ts → a.ts']);
  });

  it('has no import circles in the companion, the sandbox and the AvaTax models', () => {
    assert.deepEqual(importCircles(graph, ['server/', 'sandbox/', 'avatax/']), []);
  });

  it('keeps one set of AvaTax wire models: the companion and the sandbox both import src/avatax/models.ts', () => {
    const importers = [...graph].filter(([, imports]) => imports.includes('avatax/models.ts')).map(([file]) => file);
    assert.ok(importers.includes('server/avatax/models.ts'), 'the companion derives its models from the shared module');
    assert.ok(importers.some((file) => file.startsWith('sandbox/')), 'the sandbox builds the shared models');
    const otherModelFiles = [...graph.keys()].filter((file) => /(^|\/)models\.ts$/.test(file) && file !== 'avatax/models.ts' && file !== 'server/avatax/models.ts');
    assert.deepEqual(otherModelFiles, []);
  });
});
