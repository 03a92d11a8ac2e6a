// Server-side rendering with @lit-labs/ssr: the elements render nothing on the server (their
// status is known only in the browser): a declarative shadow root with their styles (which
// reserve the element's height) and an empty template part, never a status box.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';

const load = (specifier: string): Promise<unknown> => import(specifier);

test('@lit-labs/ssr renders every element as an empty, styled shadow root', async () => {
  await load('../../src/index.js');
  const page = await collectResult(
    render(html`<cert-status token-endpoint="/t" customer-code="C-1001" region="WA" compact></cert-status>
      <certexpress-link token-endpoint="/t" region="WA" auto></certexpress-link>
      <customer-lookup token-endpoint="/t"></customer-lookup>
      <cert-upload token-endpoint="/t" customer-code="C-1005"></cert-upload>`),
  );
  const roots = [...page.matchAll(/<template shadowroot="open" shadowrootmode="open">([\s\S]*?)<\/template>/g)].map((m) => m[1]!);
  assert.equal(roots.length, 4, page);
  for (const root of roots) {
    assert.match(root, /^<style>[\s\S]*<\/style>/);
    assert.equal(root.replace(/^<style>[\s\S]*<\/style>/, ''), '<!--lit-part--><!--/lit-part-->', 'no server-side box');
  }
  assert.match(page, /<cert-status [^>]*compact/);
});
