/**
 * CreateTransaction through the official `avatax` SDK: the per-line exemption decision
 * (certificate for the ship-to region, valid on the transaction date, or a forced
 * exemption), the amounts that follow from it, and the validation errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type * as Models from 'avatax/lib/models/index.js';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { addDays } from '../../../src/sandbox/util/dates.js';
import { watchBodies } from './body-recorder.js';
import { api, expectAvaTaxError, model, rejectsWithCode, sdk, startSandbox, type AvaTaxClient } from './support.js';

type Transaction = Models.TransactionModel;

// A fixed clock makes T (the seed's reference day) known, so certificate boundaries are exact days.
const T = '2025-06-15';
const WA = { line1: '1200 Western Ave', city: 'Seattle', region: 'WA', country: 'US', postalCode: '98101' };
const NV = { line1: '1 E Liberty St', city: 'Reno', region: 'NV', country: 'US', postalCode: '89501' };

describe('CreateTransaction through the official avatax SDK', () => {
  let sandbox: Sandbox;
  let client: AvaTaxClient;
  let waCertificate: Models.CertificateModel;

  const bodies = watchBodies();

  before(async () => {
    sandbox = await startSandbox({ now: () => new Date(`${T}T12:00:00Z`) });
    bodies.start(sandbox.url);
    client = sdk(sandbox);
    const certificates = await client.listCertificatesForCustomer({
      companyId: sandbox.companyId,
      customerCode: 'C-1001',
      filter: "exposureZone.name eq 'Washington'",
    });
    assert.equal(certificates.value.length, 1);
    waCertificate = certificates.value[0]!;
  });
  after(() => sandbox.close());

  const create = (fields: object): Promise<Transaction> =>
    client.createTransaction({
      model: model<Models.CreateTransactionModel>({
        type: 'SalesInvoice',
        companyCode: 'DEFAULT',
        date: T,
        customerCode: 'C-1001',
        addresses: { shipFrom: WA, shipTo: WA },
        lines: [{ number: '1', amount: 100, quantity: 2, itemCode: 'WIDGET' }, { number: '2', amount: 19.99 }],
        ...fields,
      }),
    });
  const line = (tx: Transaction, i: number) => {
    const found = tx.lines?.[i];
    assert.ok(found, `line ${i} present`);
    return found;
  };

  it('exempts every line shipped to WA for C-1001, naming the certificate', async () => {
    const tx = await create({});
    assert.equal(tx.companyId, sandbox.companyId);
    assert.equal(String(tx.type), 'SalesInvoice');
    assert.equal(String(tx.status), 'Saved');
    assert.equal(tx.customerCode, 'C-1001');
    assert.equal(String(tx.date), T);
    assert.equal(tx.totalAmount, 119.99);
    assert.equal(tx.totalExempt, 119.99);
    assert.equal(tx.totalTaxable, 0);
    assert.equal(tx.totalTax, 0);
    for (const i of [0, 1]) {
      const l = line(tx, i);
      assert.equal(l.exemptCertId, waCertificate.id);
      assert.equal(l.exemptNo, waCertificate.exemptionNumber);
      assert.equal(l.exemptAmount, l.lineAmount);
      assert.equal(l.tax, 0);
      const detail = l.details?.[0];
      assert.equal(l.details?.length, 1);
      assert.equal(detail?.region, 'WA');
      assert.equal(detail?.country, 'US');
      assert.equal(detail?.jurisName, 'WASHINGTON');
      assert.equal(detail?.rate, 0.065);
      assert.equal(detail?.exemptAmount, l.lineAmount);
      assert.equal(detail?.taxableAmount, 0);
      assert.equal(detail?.exemptReasonId, waCertificate.exemptionReason?.id);
    }
    assert.equal(line(tx, 0).lineNumber, '1');
    assert.equal(line(tx, 0).quantity, 2);
    assert.equal(line(tx, 0).itemCode, 'WIDGET');
    assert.deepEqual(tx.summary?.map((s) => [s.region, s.taxable, s.exemption, s.tax]), [['WA', 0, 119.99, 0]]);
  });

  it('taxes C-1001 in NV, where it has no certificate, at the table rate', async () => {
    const tx = await create({ addresses: { shipFrom: WA, shipTo: NV } });
    assert.equal(line(tx, 0).exemptCertId, 0);
    assert.equal(line(tx, 0).exemptAmount, 0);
    assert.equal(line(tx, 0).taxableAmount, 100);
    assert.equal(line(tx, 0).tax, 6.85);
    assert.equal(line(tx, 1).tax, 1.37); // 19.99 × 6.85 % = 1.369…, rounded to cents
    assert.equal(line(tx, 0).details?.[0]?.inState, false);
    assert.equal(tx.totalTax, 8.22);
    assert.equal(tx.totalTaxable, 119.99);
    assert.equal(tx.totalExempt, 0);
  });

  it('decides per line: a line address overrides the transaction ship-to', async () => {
    const tx = await create({
      addresses: { shipFrom: WA, shipTo: NV },
      lines: [{ number: 'A', amount: 50 }, { number: 'B', amount: 50, addresses: { shipTo: WA } }],
    });
    assert.equal(line(tx, 0).exemptCertId, 0);
    assert.equal(line(tx, 0).tax, 3.43);
    assert.equal(line(tx, 1).exemptCertId, waCertificate.id);
    assert.equal(line(tx, 1).tax, 0);
    assert.equal(tx.totalTax, 3.43);
    assert.equal(tx.totalExempt, 50);
  });

  it('taxes C-1002, whose WA certificate expired, and exempts it on its last valid day', async () => {
    const today = await create({ customerCode: 'C-1002' });
    assert.equal(line(today, 0).exemptCertId, 0);
    assert.equal(today.totalTax, 7.8); // 119.99 × 6.5 %: 6.50 + 1.30
    const lastDay = await create({ customerCode: 'C-1002', date: addDays(T, -30) });
    assert.notEqual(line(lastDay, 0).exemptCertId, 0);
    assert.equal(lastDay.totalTax, 0);
    const dayAfter = await create({ customerCode: 'C-1002', date: addDays(T, -29) });
    assert.equal(dayAfter.totalTax, 7.8);
  });

  it('uses the transaction date: before the signed date the certificate does not exempt', async () => {
    assert.equal(waCertificate.signedDate && String(waCertificate.signedDate).slice(0, 10), addDays(T, -400));
    const before = await create({ date: addDays(T, -401) });
    assert.equal(line(before, 0).exemptCertId, 0);
    assert.equal(before.totalTax, 7.8);
    const onSignedDay = await create({ date: new Date(`${addDays(T, -400)}T08:30:00Z`) });
    assert.equal(line(onSignedDay, 0).exemptCertId, waCertificate.id);
    assert.equal(onSignedDay.totalTax, 0);
  });

  it('honours a forced exemptionNo without a certificate, and says so', async () => {
    const tx = await create({ customerCode: 'C-1005', exemptionNo: 'EX-42' });
    assert.equal(tx.totalTax, 0);
    assert.equal(tx.totalExempt, 119.99);
    assert.equal(tx.exemptNo, 'EX-42');
    assert.equal(line(tx, 0).exemptCertId, 0);
    assert.equal(line(tx, 0).exemptNo, 'EX-42');
    assert.equal(tx.messages?.length, 2);
    assert.match(String(tx.messages?.[0]?.summary), /EX-42/);
    // Without it the same customer pays tax: the exemption above came from exemptionNo.
    const plain = await create({ customerCode: 'C-1005' });
    assert.equal(plain.totalTax, 7.8);
    assert.equal(plain.messages, undefined);
  });

  it('honours an entity use code on one line only', async () => {
    const tx = await create({ customerCode: 'C-1005', lines: [{ amount: 100, entityUseCode: 'G' }, { amount: 100 }] });
    assert.equal(line(tx, 0).tax, 0);
    assert.equal(line(tx, 0).entityUseCode, 'G');
    assert.equal(line(tx, 1).tax, 6.5);
    assert.equal(tx.messages?.length, 1);
  });

  it('applies zero-rate states and Canadian provinces from the table', async () => {
    const oregon = await create({ customerCode: 'C-1005', addresses: { singleLocation: { region: 'OR', country: 'US' } } });
    assert.equal(oregon.totalTax, 0);
    assert.equal(oregon.totalExempt, 0);
    assert.equal(oregon.totalTaxable, 119.99);
    const ontario = { region: 'ON', country: 'CA' };
    const taxed = await create({ customerCode: 'C-1005', addresses: { singleLocation: ontario }, lines: [{ amount: 200 }] });
    assert.equal(taxed.totalTax, 26);
    const exempt = await create({ customerCode: 'C-1006', addresses: { singleLocation: ontario }, lines: [{ amount: 200 }] });
    assert.notEqual(line(exempt, 0).exemptCertId, 0);
    assert.equal(exempt.totalTax, 0);
  });

  it('reports SalesOrder as Temporary and accepts the SDK numeric DocumentType', async () => {
    const order = await create({ type: 'SalesOrder' });
    assert.equal(String(order.status), 'Temporary');
    assert.equal(String(order.type), 'SalesOrder');
    const invoice = await create({ type: 1 });
    assert.equal(String(invoice.type), 'SalesInvoice');
    assert.equal(String(invoice.status), 'Saved');
    assert.notEqual(order.id, invoice.id);
  });

  it('answers 404 EntityNotFoundError for an unknown company code', async () => {
    await rejectsWithCode(create({ companyCode: 'NOPE' }), 'EntityNotFoundError');
  });

  it('rejects a transaction without lines with MissingLine', async () => {
    const missing = await rejectsWithCode(create({ lines: undefined }), 'MissingLine');
    assert.match(missing.message, /line/);
    await rejectsWithCode(create({ lines: [] }), 'MissingLine');
  });

  it('rejects lines without a usable ship-to address', async () => {
    await rejectsWithCode(create({ addresses: undefined }), 'MissingAddress');
    await rejectsWithCode(create({ addresses: { shipTo: WA } }), 'MissingAddress');
    await rejectsWithCode(create({ addresses: { singleLocation: { region: 'ZZ', country: 'US' } } }), 'InvalidAddress');
    await rejectsWithCode(create({ addresses: { singleLocation: { city: 'Seattle', country: 'US' } } }), 'ValueRequiredError');
  });

  it('rejects missing or malformed fields with a code and the field they refer to', async () => {
    const noCustomer = await rejectsWithCode(create({ customerCode: undefined }), 'ValueRequiredError');
    assert.equal((noCustomer.details as Array<{ refersTo?: string }>)[0]?.refersTo, 'customerCode');
    await rejectsWithCode(create({ date: 'yesterday' }), 'InvalidParameterValue');
    await rejectsWithCode(create({ lines: [{ number: '1' }] }), 'ValueRequiredError');
    await rejectsWithCode(create({ type: 'Refund' }), 'InvalidParameterValue');
  });

  it('answers malformed JSON with the shared JsonFormatError envelope', async () => {
    const response = await api(sandbox, '/api/v2/transactions/create', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"lines": [',
    });
    await expectAvaTaxError(response, 400, 'JsonFormatError');
  });

  it('answers only bodies the official avatax models allow (official-models.ts)', () => bodies.assertOfficial());
});
