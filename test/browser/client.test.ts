import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { CertClient, CertApiError, safeLink, timings, tokenSource } from '../../src/client/index.js';
import type { BatchStatusRequest, TokenResponse } from '../../src/client/contract.js';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

let n = 0;
const endpoint = (): string => `/stub-token-${++n}`;
const tokenFor = (customerCode: string, ttlMs = 600_000, id = 'tok'): TokenResponse =>
  ({ token: `${id}-${customerCode}`, expiresAt: new Date(Date.now() + ttlMs).toISOString(), customerCode, apiBase: '/stub-api' });

describe('headless client', () => {
  const saved = { ...timings };
  beforeEach(() => Object.assign(timings, { retryBaseMs: 5, retryMaxMs: 20 }));
  afterEach(() => {
    sinon.restore();
    Object.assign(timings, saved);
  });

  it('one token request for many concurrent askers; memory only', async () => {
    const fetch = sinon.stub(window, 'fetch').callsFake(async () => json(tokenFor('C-1')));
    const source = tokenSource({ tokenEndpoint: endpoint() });
    const tokens = await Promise.all(Array.from({ length: 50 }, () => source.get('C-1')));
    expect(new Set(tokens.map((t) => t.token)).size).to.equal(1);
    expect(fetch).to.have.been.calledOnce;
    const [, init] = fetch.firstCall.args;
    expect(init).to.include({ method: 'POST', credentials: 'same-origin' });
    expect(JSON.parse(String(init!.body))).to.deep.equal({ customerCode: 'C-1' });
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).to.not.contain('tok-C-1');
  });

  it('refreshes a short-lived token half-way through its life', async () => {
    let issued = 0;
    sinon.stub(window, 'fetch').callsFake(async () => json(tokenFor('C-1', 200, `t${++issued}`)));
    const source = tokenSource({ tokenEndpoint: endpoint(), tokenCredentials: 'include' });
    expect((await source.get('C-1')).token).to.equal('t1-C-1');
    expect((await source.get('C-1')).token).to.equal('t1-C-1');
    await new Promise((r) => setTimeout(r, 120));
    expect((await source.get('C-1')).token).to.equal('t2-C-1');
  });

  it('honours Retry-After on a retryable answer and surfaces non-retryable errors at once', async () => {
    const stub = sinon.stub(window, 'fetch');
    stub.onCall(0).resolves(json(tokenFor('C-1')));
    stub.onCall(1).resolves(json({ error: { code: 'rate_limited', message: 'Slow down.', retryable: true } }, 429, { 'retry-after': '0.15' }));
    stub.onCall(2).resolves(json({ customerCode: 'C-1', certificates: [], checkedAt: '' }));
    const client = new CertClient({ tokenEndpoint: endpoint(), customerCode: 'C-1' });
    const started = Date.now();
    await client.status({ country: 'US' });
    expect(Date.now() - started).to.be.at.least(140);
    stub.onCall(3).resolves(json({ error: { code: 'invalid_request', message: 'Bad zone.', retryable: false } }, 400));
    const error = await client.status({ country: 'US', region: 'ZZ' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(CertApiError).and.include({ code: 'invalid_request', message: 'Bad zone.' });
    expect(stub.callCount).to.equal(4);
  });

  it('gives up after the capped number of retries', async () => {
    const stub = sinon.stub(window, 'fetch').callsFake(async (input) =>
      String(input).includes('stub-token') ? json(tokenFor('C-1')) : json({ error: { code: 'upstream_unavailable', message: 'Down.', retryable: true } }, 503));
    const client = new CertClient({ tokenEndpoint: endpoint(), customerCode: 'C-1' });
    const error = await client.status({ country: 'US', region: 'WA' }).catch((e: unknown) => e);
    expect(error).to.include({ code: 'upstream_unavailable', retryable: true });
    expect(stub.getCalls().filter((c) => String(c.args[0]).includes('stub-api'))).to.have.length(timings.retries + 1);
  });

  it('abort stops waiting at once and makes no further request', async () => {
    const stub = sinon.stub(window, 'fetch').callsFake(async (input, init) => {
      if (String(input).includes('stub-token')) return json(tokenFor('C-1'));
      return new Promise<Response>((_, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('x', 'AbortError'))));
    });
    const client = new CertClient({ tokenEndpoint: endpoint(), customerCode: 'C-1' });
    const stop = new AbortController();
    const pending = client.invitation(7, { signal: stop.signal });
    await new Promise((r) => setTimeout(r, 20));
    stop.abort();
    const error = (await pending.catch((e: unknown) => e)) as Error;
    expect(error.name).to.equal('AbortError');
    const calls = stub.callCount;
    await new Promise((r) => setTimeout(r, 60));
    expect(stub.callCount).to.equal(calls);
  });

  it('splits a staff batch beyond 100 items', async () => {
    const bodies: BatchStatusRequest[] = [];
    sinon.stub(window, 'fetch').callsFake(async (input, init) => {
      if (String(input).includes('stub-token')) return json(tokenFor('*'));
      const body = JSON.parse(String(init!.body)) as BatchStatusRequest;
      bodies.push(body);
      return json({
        items: body.items.map((item) => ({ ok: true, ...item, zone: { ...item, name: item.region }, status: 'missing', certificate: null, checkedAt: '' })),
      });
    });
    const tokenEndpoint = endpoint();
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, i) => new CertClient({ tokenEndpoint, customerCode: `G-${i}` }).status({ country: 'US', region: 'WA' })),
    );
    expect(bodies.map((b) => b.items.length)).to.deep.equal([100, 50]);
    expect(answers.every((a) => 'status' in a && a.status === 'missing')).to.equal(true);
  });

  it('accepts only https links, or http on loopback', () => {
    expect(safeLink('https://app.certexpress.com/x')).to.equal('https://app.certexpress.com/x');
    expect(safeLink('http://127.0.0.1:4010/certexpress/t')).to.equal('http://127.0.0.1:4010/certexpress/t');
    expect(safeLink('http://localhost/x')).to.equal('http://localhost/x');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/x', 'http://example.com/x', 'ftp://x', '', null, 42]) {
      expect(safeLink(bad), String(bad)).to.equal(null);
    }
  });
});
