/**
 * Raw HTTP against the sandbox where the SDK cannot go or hides the wire: auth header
 * forms, envelopes, paging links, every filter operator, integer enums, bodies, and the
 * certificate attachment upload/download the SDK cannot perform on Node's fetch.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { watchBodies } from './body-recorder.js';
import { api, basic, expectAvaTaxError, expectJson, samplePdf, sampleJpeg, startSandbox } from './support.js';

type FetchResult = { '@recordsetCount': number; value: Array<Record<string, unknown>>; '@nextLink'?: string };

describe('sandbox over raw HTTP', () => {
  let sandbox: Sandbox;
  let company: string;

  const bodies = watchBodies();

  before(async () => {
    sandbox = await startSandbox({ customers: 25 });
    bodies.start(sandbox.url);
    company = `/api/v2/companies/${sandbox.companyId}`;
  });
  after(() => sandbox.close());

  describe('authentication', () => {
    it('accepts both Basic credential forms', async () => {
      const { accountId, licenseKey, username, password } = sandbox.credentials;
      await expectJson(await api(sandbox, `${company}/customers/C-1001`, { authorization: basic(accountId, licenseKey) }), 200);
      await expectJson(await api(sandbox, `${company}/customers/C-1001`, { authorization: basic(username, password) }), 200);
    });

    it('refuses missing, wrong, Bearer and mixed credentials with 401 AuthenticationException', async () => {
      const { accountId, password } = sandbox.credentials;
      for (const authorization of [null, basic(accountId, 'wrong'), basic(accountId, password), 'Bearer some-token']) {
        const error = await expectAvaTaxError(await api(sandbox, `${company}/customers/C-1001`, { authorization }), 401, 'AuthenticationException');
        assert.equal(error.target, 'HttpRequestHeaders');
      }
    });

    it('answers a malformed Basic header with BasicAuthIncorrect', async () => {
      await expectAvaTaxError(await api(sandbox, `${company}/customers/C-1001`, { authorization: 'Basic !!!' }), 401, 'BasicAuthIncorrect');
      const noColon = `Basic ${Buffer.from('nocolon').toString('base64')}`;
      await expectAvaTaxError(await api(sandbox, `${company}/customers/C-1001`, { authorization: noColon }), 401, 'BasicAuthIncorrect');
    });

    it('serves ping without credentials', async () => {
      const body = await expectJson(await api(sandbox, '/api/v2/utilities/ping', { authorization: null }), 200);
      assert.equal(body.authenticated, false);
      assert.equal(typeof body.version, 'string');
    });
  });

  describe('envelopes and routing', () => {
    it('stamps every response with x-correlation-id', async () => {
      const ok = await api(sandbox, '/api/v2/utilities/ping');
      const missing = await api(sandbox, '/nowhere');
      const a = ok.headers.get('x-correlation-id');
      const b = missing.headers.get('x-correlation-id');
      assert.match(String(a), /^[0-9a-f-]{36}$/);
      assert.match(String(b), /^[0-9a-f-]{36}$/);
      assert.notEqual(a, b);
      await ok.arrayBuffer();
      await missing.arrayBuffer();
    });

    it('answers unknown routes with a 404 envelope', async () => {
      await expectAvaTaxError(await api(sandbox, '/api/v2/companies/7000001/widgets'), 404, 'EntityNotFoundError');
      await expectAvaTaxError(await api(sandbox, '/api/v2/utilities/ping', { method: 'DELETE' }), 405, 'EntityNotFoundError');
    });

    it('percent-decodes path parameters, keeping an encoded slash inside the code', async () => {
      const code = 'R&D / Lab 7';
      const body = JSON.stringify([{ customerCode: code, name: 'R&D', line1: '1 Lab Way', city: 'Boise', region: 'ID', postalCode: '83702', country: 'US' }]);
      await expectJson(await api(sandbox, `${company}/customers`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }), 200);
      const fetched = await expectJson(await api(sandbox, `${company}/customers/${encodeURIComponent(code)}`), 200);
      assert.equal(fetched.customerCode, code);
      await expectAvaTaxError(await api(sandbox, `${company}/customers/R&D%20/%20Lab%207`), 404, 'EntityNotFoundError');
      await expectAvaTaxError(await api(sandbox, `${company}/customers/%E0%A4%A`), 400, 'InvalidQueryValue');
    });

    it('answers malformed JSON, a missing body, a non-array and a wrong content type clearly', async () => {
      const post = (body: string, type = 'application/json') =>
        api(sandbox, `${company}/customers`, { method: 'POST', body, headers: { 'content-type': type } });
      await expectAvaTaxError(await post('[{"customerCode": '), 400, 'JsonFormatError');
      await expectAvaTaxError(await post(''), 400, 'ModelRequiredException');
      await expectAvaTaxError(await post('{"customerCode":"X"}'), 400, 'ModelRequiredException');
      await expectAvaTaxError(await post('[{"customerCode":"X"}]', 'text/plain'), 415, 'InvalidRequestContentType');
    });
  });

  describe('paging', () => {
    it('follows @nextLink to the end and the pages add up', async () => {
      const first = await expectJson<FetchResult>(await api(sandbox, `${company}/customers?$top=7&$filter=${encodeURIComponent("customerCode startswith 'G-'")}`), 200);
      assert.equal(first['@recordsetCount'], 25);
      const seen = first.value.map((c) => c.customerCode);
      let link = first['@nextLink'];
      let pages = 1;
      while (link) {
        assert.match(link, /^\/api\/v2\/companies\/7000001\/customers\?/);
        assert.match(link, /%24top=7/);
        assert.match(link, /%24skip=\d+/);
        const page = await expectJson<FetchResult>(await api(sandbox, link), 200);
        assert.equal(page['@recordsetCount'], 25);
        seen.push(...page.value.map((c) => c.customerCode));
        link = page['@nextLink'];
        pages++;
      }
      assert.equal(pages, 4);
      assert.equal(new Set(seen).size, 25);
      assert.ok(seen.every((code) => String(code).startsWith('G-')));
    });

    it('enforces exemption paging and sort limits', async () => {
      await expectAvaTaxError(await api(sandbox, `${company}/customers?$top=10&$skip=5`), 400, 'ExemptionPaginationLimits');
      await expectAvaTaxError(await api(sandbox, `${company}/customers?$orderBy=${encodeURIComponent('name ASC, id DESC')}`), 400, 'ExemptionSortLimits');
      await expectAvaTaxError(await api(sandbox, `${company}/customers?$top=-1`), 400, 'InvalidQueryValue');
    });
  });

  describe('$filter operators', () => {
    const codes = async (filter: string) => {
      const body = await expectJson<FetchResult>(await api(sandbox, `${company}/customers?$filter=${encodeURIComponent(filter)}&$orderBy=id`), 200);
      return body.value.map((c) => c.customerCode).filter((c) => String(c).startsWith('C-'));
    };

    const cases: Array<[filter: string, expected: string[]]> = [
      ["customerCode eq 'C-1002'", ['C-1002']],
      ["customerCode = 'C-1002'", ['C-1002']],
      ["region ne 'WA' and customerCode startswith 'C-'", ['C-1004', 'C-1006']],
      ["region <> 'WA' and customerCode startswith 'C-'", ['C-1004', 'C-1006']],
      ["customerCode gt 'C-1004' and customerCode lt 'C-2'", ['C-1005', 'C-1006']],
      ["customerCode ge 'C-1004' and customerCode le 'C-1005'", ['C-1004', 'C-1005']],
      ['id between 2 and 3', ['C-1002', 'C-1003']],
      ["customerCode in ('C-1001', 'C-1006', 'C-0000')", ['C-1001', 'C-1006']],
      ["name contains 'school'", ['C-1005']],
      ["endswith(name, 'llc')", ['C-1003']],
      ["customerCode startswith 'C-' and faxNumber is not null", ['C-1005']],
      ["customerCode startswith 'C-' and (city eq 'Toronto' or city eq 'Tacoma')", ['C-1002', 'C-1006']],
      ["customerCode startswith 'C-' and country eq 'CA' OR customerCode eq 'C-1001'", ['C-1001', 'C-1006']],
      ["name eq 'Rainier Supply Co.' and isBill eq true", ['C-1001']],
      ["customerCode eq 'c-1001'", []],
    ];
    for (const [filter, expected] of cases) {
      it(filter, async () => assert.deepEqual(await codes(filter), expected));
    }

    it("unescapes doubled quotes in strings", async () => {
      const body = JSON.stringify([{ customerCode: "O'Brien", name: "O'Brien's Tools", line1: '2 B St', city: 'Salem', region: 'OR', postalCode: '97301', country: 'US' }]);
      await expectJson(await api(sandbox, `${company}/customers`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }), 200);
      const found = await expectJson<FetchResult>(await api(sandbox, `${company}/customers?$filter=${encodeURIComponent("name eq 'O''Brien''s Tools'")}`), 200);
      assert.deepEqual(found.value.map((c) => c.customerCode), ["O'Brien"]);
    });

    it('filters null values and dates on certificates', async () => {
      const body = await expectJson<FetchResult>(
        await api(sandbox, `${company}/customers/C-1001/certificates?$filter=${encodeURIComponent('expirationDate is null')}`),
        200,
      );
      assert.deepEqual(body.value.map((c) => (c.exposureZone as { region: string }).region), ['CA']);
      const today = new Date().toISOString().slice(0, 10);
      const future = await expectJson<FetchResult>(
        await api(sandbox, `${company}/customers/C-1001/certificates?$filter=${encodeURIComponent(`expirationDate gt ${today}`)}`),
        200,
      );
      assert.deepEqual(future.value.map((c) => (c.exposureZone as { region: string }).region).sort(), ['TX', 'WA']);
    });

    it('rejects malformed filters and unknown or non-filterable fields', async () => {
      const filter = (f: string) => api(sandbox, `${company}/customers/C-1001/certificates?$filter=${encodeURIComponent(f)}`);
      await expectAvaTaxError(await filter("status eq 'COMPLETE"), 400, 'MalformedFilterException');
      await expectAvaTaxError(await filter("status eq 'COMPLETE' and"), 400, 'MalformedFilterException');
      await expectAvaTaxError(await filter("(status eq 'COMPLETE'"), 400, 'MalformedFilterException');
      await expectAvaTaxError(await filter("colour eq 'red'"), 400, 'InvalidQueryField');
      await expectAvaTaxError(await filter("exemptionNumber eq 'X'"), 400, 'FieldNotQueryableError');
      await expectAvaTaxError(await filter("jurisdictions eq 'X'"), 400, 'FieldNotQueryableError');
      // Nesting deep enough to overflow a recursive parser is a validation error, not a crash.
      await expectAvaTaxError(await filter(`${'('.repeat(5000)}status eq 'COMPLETE'${')'.repeat(5000)}`), 400, 'MalformedFilterException');
      await expectAvaTaxError(await api(sandbox, `${company}/customers?$filter=${'('.repeat(6000)}`), 400, 'MalformedFilterException');
    });
  });

  describe('enums as names or integers', () => {
    it('accepts deliveryMethod 3 and "download", and answers with the name', async () => {
      for (const deliveryMethod of [3, 'download', '1']) {
        const body = JSON.stringify([{ deliveryMethod }]);
        const [created] = await expectJson<Array<{ invitation: { deliveryMethod: string } }>>(
          await api(sandbox, `${company}/customers/C-1001/certexpressinvites`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }),
          200,
        );
        assert.equal(created?.invitation.deliveryMethod, deliveryMethod === '1' ? 'Email' : 'Download');
      }
      const bad = JSON.stringify([{ deliveryMethod: 9 }]);
      await expectAvaTaxError(
        await api(sandbox, `${company}/customers/C-1001/certexpressinvites`, { method: 'POST', body: bad, headers: { 'content-type': 'application/json' } }),
        400,
        'InvalidEnumValue',
      );
    });
  });

  describe('certificate attachments', () => {
    const createCertificate = async (extra: Record<string, unknown>) => {
      const body = JSON.stringify([{ signedDate: '2025-01-02', exemptionReason: { name: 'RESALE' }, exposureZone: { name: 'Idaho' }, customers: [{ customerCode: 'C-1001' }], ...extra }]);
      const [created] = await expectJson<Array<{ id: number; documentExists: boolean }>>(
        await api(sandbox, `${company}/certificates`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }),
        200,
      );
      return created as { id: number; documentExists: boolean };
    };

    it('downloads a seeded certificate as a PDF with $type=Pdf and $type=1', async () => {
      for (const type of ['Pdf', '1']) {
        const response = await api(sandbox, `${company}/certificates/1/attachment?$type=${type}`);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), 'application/pdf');
        assert.match(String(response.headers.get('content-disposition')), /^attachment; filename=certificate-1\.pdf$/);
        const data = Buffer.from(await response.arrayBuffer());
        assert.equal(data.subarray(0, 5).toString(), '%PDF-');
        assert.match(data.subarray(-6).toString(), /%%EOF/);
      }
    });

    it('answers 400 when the certificate has no document, and uploads one over multipart', async () => {
      const created = await createCertificate({ filename: 'kept-elsewhere.pdf' });
      assert.equal(created.documentExists, false);
      await expectAvaTaxError(await api(sandbox, `${company}/certificates/${created.id}/attachment?$type=Pdf`), 400, 'CertificatesError');

      const pdf = new Uint8Array(samplePdf('Uploaded'));
      const form = new FormData();
      form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'cert.pdf');
      const uploaded = await expectJson<string>(await api(sandbox, `${company}/certificates/${created.id}/attachment`, { method: 'POST', body: form }), 200);
      assert.equal(uploaded, 'OK');

      const download = await api(sandbox, `${company}/certificates/${created.id}/attachment?$type=Pdf`);
      assert.equal(download.status, 200);
      assert.deepEqual(new Uint8Array(await download.arrayBuffer()), pdf);
      const cert = await expectJson(await api(sandbox, `${company}/certificates/${created.id}`), 200);
      assert.equal(cert.documentExists, true);
    });

    it('stores JPEG pages and serves them as JPEG ($type=2) and wrapped in a PDF', async () => {
      const jpeg = sampleJpeg();
      const created = await createCertificate({ pages: [jpeg.toString('base64'), jpeg.toString('base64')] });
      const page2 = await api(sandbox, `${company}/certificates/${created.id}/attachment?$type=2&$page=2`);
      assert.equal(page2.status, 200);
      assert.equal(page2.headers.get('content-type'), 'image/jpeg');
      assert.deepEqual(Buffer.from(await page2.arrayBuffer()), jpeg);
      const pdf = await api(sandbox, `${company}/certificates/${created.id}/attachment`);
      const text = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
      assert.match(text, /^%PDF-/);
      assert.match(text, /\/Count 2/);
      assert.match(text, /\/DCTDecode/);
      await expectAvaTaxError(await api(sandbox, `${company}/certificates/${created.id}/attachment?$type=Jpeg&$page=3`), 400, 'CertificatesError');
      await expectAvaTaxError(await api(sandbox, `${company}/certificates/${created.id}/attachment?$type=Tiff`), 400, 'InvalidQueryValue');
    });

    it('refuses an upload that is not multipart, has no file, or is not a document', async () => {
      const url = `${company}/certificates/1/attachment`;
      await expectAvaTaxError(await api(sandbox, url, { method: 'POST', body: '[object FormData]', headers: { 'content-type': 'text/plain;charset=UTF-8' } }), 400, 'InvalidRequestContentType');
      const noFile = new FormData();
      noFile.append('note', 'hello');
      await expectAvaTaxError(await api(sandbox, url, { method: 'POST', body: noFile }), 400, 'InvalidPdfOrImageFile');
      const notDocument = new FormData();
      notDocument.append('file', new Blob(['just text']), 'a.txt');
      await expectAvaTaxError(await api(sandbox, url, { method: 'POST', body: notDocument }), 400, 'CertificatesError');
      // The seeded document is untouched by the refused uploads.
      const still = await api(sandbox, `${url}?$type=Pdf`);
      assert.match(Buffer.from(await still.arrayBuffer()).toString('latin1'), /Sales Tax Exemption Certificate/);
    });
  });

  describe('control routes', () => {
    it('counts requests by route and grants CORS only to loopback origins', async () => {
      const stats = await fetch(`${sandbox.url}/_sandbox/stats`, { headers: { origin: 'http://localhost:8000' } });
      assert.equal(stats.headers.get('access-control-allow-origin'), 'http://localhost:8000');
      const body = (await stats.json()) as { total: number; byRoute: Record<string, number> };
      assert.ok(body.total > 10);
      assert.ok((body.byRoute['GET /api/v2/companies/:companyId/customers/:customerCode'] ?? 0) >= 2);
      const foreign = await fetch(`${sandbox.url}/_sandbox/stats`, { headers: { origin: 'https://evil.example' } });
      assert.equal(foreign.headers.get('access-control-allow-origin'), null);
      await foreign.arrayBuffer();
    });

    it('validates fault settings', async () => {
      const bad = await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errorRate: 2 }) });
      assert.equal(bad.status, 400);
      assert.match(((await bad.json()) as { error: { message: string } }).error.message, /errorRate/);
      const unknown = await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chaos: true }) });
      assert.equal(unknown.status, 400);
      await unknown.arrayBuffer();
    });
  });

  it('answers only bodies the official avatax models allow (official-models.ts)', () => bodies.assertOfficial());
});
