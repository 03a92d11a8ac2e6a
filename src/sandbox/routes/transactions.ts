/**
 * CreateTransaction (`POST /api/v2/transactions/create`). Each line is exempt when the
 * request forces it (exemptionNo / exemptionCode / entityUseCode) or when a certificate of
 * the customer covers the line's ship-to region on the transaction date — the same rule
 * ListValidCertificatesForCustomer applies to today. Taxed lines are priced from the flat
 * table in tax-rates.ts. Transactions are answered and forgotten: nothing is stored.
 */
import { randomUUID } from 'node:crypto';
import type { ApiRequest, ApiRoute } from '../api.js';
import { AvaTaxError, notFound } from '../errors.js';
import { readJsonObject } from '../http/api-body.js';
import type { Router } from '../http/router.js';
import { json, type Reply } from '../http/types.js';
import type { ExposureZoneModel } from '../../avatax/models.js';
import type { Runtime } from '../runtime.js';
import type { CertificateRecord } from '../store/types.js';
import { bestExemptingCertificate } from '../store/validity.js';
import { rateForRegion } from '../tax-rates.js';
import { parseInputDay } from '../util/dates.js';

/** Company code of the sandbox's one company (matched case-insensitively). */
export const SANDBOX_COMPANY_CODE = 'DEFAULT';

// Position = the SDK's numeric DocumentType, so `type: DocumentType.SalesInvoice` (1) works.
const DOCUMENT_TYPES = [
  'SalesOrder', 'SalesInvoice', 'PurchaseOrder', 'PurchaseInvoice', 'ReturnOrder', 'ReturnInvoice',
  'InventoryTransferOrder', 'InventoryTransferInvoice', 'ReverseChargeOrder', 'ReverseChargeInvoice',
  'CustomsInvoice', 'CustomsOrder', 'InventoryTransferOutboundInvoice', 'InventoryTransferOutboundOrder',
] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null || v === '';
const invalid = (field: string, why: string) => new AvaTaxError('InvalidParameterValue', why, { refersTo: field });
/** Rounds to cents, halves away from zero; the epsilon absorbs binary noise such as 1.005 * 100. */
const cents = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-7)) / 100;

function optionalString(value: unknown, field: string): string | undefined {
  if (absent(value)) return undefined;
  if (typeof value !== 'string') throw invalid(field, `${field} must be a string.`);
  return value.trim() || undefined;
}

function requiredString(value: unknown, field: string): string {
  const text = optionalString(value, field);
  if (!text) throw new AvaTaxError('ValueRequiredError', `The field ${field} is required.`, { refersTo: field });
  return text;
}

function finiteNumber(value: unknown, field: string): number | undefined {
  if (absent(value)) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(field, `${field} must be a number.`);
  return value;
}

function documentType(value: unknown): (typeof DOCUMENT_TYPES)[number] {
  if (absent(value)) return 'SalesOrder';
  const byNumber = typeof value === 'number' ? DOCUMENT_TYPES[value] : undefined;
  const byName = typeof value === 'string' ? DOCUMENT_TYPES.find((t) => t.toLowerCase() === value.trim().toLowerCase()) : undefined;
  const type = byNumber ?? byName;
  if (!type) throw invalid('type', `type '${String(value)}' is not a DocumentType the sandbox handles.`);
  return type;
}

function addressSet(value: unknown, field: string): Json {
  if (absent(value)) return {};
  if (!isObject(value)) throw invalid(field, `${field} must be an AddressesModel object.`);
  for (const key of ['singleLocation', 'shipFrom', 'shipTo']) {
    if (!absent(value[key]) && !isObject(value[key])) throw invalid(`${field}.${key}`, `${field}.${key} must be an address object.`);
  }
  return value;
}

interface Route { from: Json; to: Json; toField: string }

/** Line addresses win over the transaction's; a singleLocation is both origin and destination. */
function routeOf(doc: Json, line: Json, at: string): Route {
  const pick = (set: Json, key: string, field: string) => (isObject(set[key]) ? { place: set[key] as Json, field } : undefined);
  const single = pick(line, 'singleLocation', `${at}.addresses.singleLocation`);
  if (single) return { from: single.place, to: single.place, toField: single.field };
  const from = pick(line, 'shipFrom', '') ?? pick(doc, 'shipFrom', '') ?? pick(doc, 'singleLocation', '');
  const to =
    pick(line, 'shipTo', `${at}.addresses.shipTo`) ?? pick(doc, 'shipTo', 'addresses.shipTo') ?? pick(doc, 'singleLocation', 'addresses.singleLocation');
  if (!from || !to) {
    const missing = to ? 'shipFrom' : 'shipTo';
    throw new AvaTaxError(
      'MissingAddress',
      `${at} has no ${missing} address: give addresses.singleLocation, or shipFrom and shipTo, on the transaction or the line.`,
      { refersTo: `${at}.addresses.${missing}` },
    );
  }
  return { from: from.place, to: to.place, toField: to.field };
}

/** The exposure zone of a ship-to address; the sandbox does not geocode, so region and country are required. */
function destinationZone(to: Json, field: string, rt: Runtime): ExposureZoneModel {
  const region = requiredString(to.region, `${field}.region`);
  const country = requiredString(to.country, `${field}.country`);
  const byName = rt.catalogue.zoneByName(region);
  const zone = rt.catalogue.zoneByRegion(country, region) ?? (byName?.country === country.toUpperCase() ? byName : undefined);
  if (!zone) {
    throw new AvaTaxError('InvalidAddress', `The sandbox taxes only US states, DC and Canadian provinces and territories; '${region}, ${country}' is none of them.`, { refersTo: field });
  }
  return zone;
}

type Exemption =
  | { by: 'certificate'; certificate: CertificateRecord }
  | { by: 'exemptionNo'; exemptNo: string }
  | { by: 'entityUseCode'; code: string };

interface Line {
  number: string; amount: number; quantity: number; taxCode: string; itemCode?: string | undefined;
  description?: string | undefined; entityUseCode?: string | undefined; route: Route; zone: ExposureZoneModel;
  exemption: Exemption | null;
}

interface Transaction {
  code: string; type: (typeof DOCUMENT_TYPES)[number]; status: string; date: string; customerCode: string;
  exemptionNo?: string | undefined; entityUseCode?: string | undefined; purchaseOrderNo?: string | undefined;
  referenceCode?: string | undefined; currencyCode: string; lines: Line[];
}

function parseTransaction(body: Json, rt: Runtime): Transaction {
  const companyCode = optionalString(body.companyCode, 'companyCode') ?? SANDBOX_COMPANY_CODE;
  if (companyCode.toUpperCase() !== SANDBOX_COMPANY_CODE) throw notFound('Company', 'companyCode', companyCode);
  const type = documentType(body.type);
  if (!absent(body.commit) && typeof body.commit !== 'boolean') throw invalid('commit', 'commit must be true or false.');
  const rawDate = requiredString(body.date, 'date');
  const date = parseInputDay(rawDate);
  if (!date) throw invalid('date', `date '${rawDate}' is not a date (YYYY-MM-DD or an ISO timestamp).`);
  const customerCode = requiredString(body.customerCode, 'customerCode');
  const exemptionNo = optionalString(body.exemptionNo, 'exemptionNo');
  const entityUseCode = optionalString(body.entityUseCode, 'entityUseCode') ?? optionalString(body.customerUsageType, 'customerUsageType');
  const docAddresses = addressSet(body.addresses, 'addresses');
  if (!Array.isArray(body.lines) || body.lines.length === 0) {
    throw new AvaTaxError('MissingLine', 'A transaction needs at least one line.', { refersTo: 'lines' });
  }
  const lines = body.lines.map((raw: unknown, i): Line => {
    const at = `lines[${i}]`;
    if (!isObject(raw)) throw invalid(at, `${at} must be a LineItemModel object.`);
    const amount = finiteNumber(raw.amount, `${at}.amount`);
    if (amount === undefined) throw new AvaTaxError('ValueRequiredError', `The field ${at}.amount is required.`, { refersTo: `${at}.amount` });
    const number = typeof raw.number === 'number' ? String(raw.number) : optionalString(raw.number, `${at}.number`);
    const route = routeOf(docAddresses, addressSet(raw.addresses, `${at}.addresses`), at);
    const zone = destinationZone(route.to, route.toField, rt);
    const lineExemptionNo = optionalString(raw.exemptionCode, `${at}.exemptionCode`) ?? exemptionNo;
    const lineEntityUse =
      optionalString(raw.entityUseCode, `${at}.entityUseCode`) ?? optionalString(raw.customerUsageType, `${at}.customerUsageType`) ?? entityUseCode;
    return {
      number: number ?? String(i + 1), amount, quantity: finiteNumber(raw.quantity, `${at}.quantity`) ?? 1,
      taxCode: optionalString(raw.taxCode, `${at}.taxCode`) ?? 'P0000000', itemCode: optionalString(raw.itemCode, `${at}.itemCode`),
      description: optionalString(raw.description, `${at}.description`), entityUseCode: lineEntityUse, route, zone,
      exemption: decideExemption(lineExemptionNo, lineEntityUse, customerCode, zone, date, rt),
    };
  });
  const status = type.endsWith('Order') ? 'Temporary' : body.commit === true ? 'Committed' : 'Saved';
  return {
    code: optionalString(body.code, 'code') ?? randomUUID(), type, status, date, customerCode, exemptionNo, entityUseCode,
    purchaseOrderNo: optionalString(body.purchaseOrderNo, 'purchaseOrderNo'), referenceCode: optionalString(body.referenceCode, 'referenceCode'),
    currencyCode: optionalString(body.currencyCode, 'currencyCode') ?? 'USD', lines,
  };
}

/** A caller's explicit exemption wins (AvaTax honours it without looking for a certificate). */
function decideExemption(exemptionNo: string | undefined, entityUseCode: string | undefined, customerCode: string, zone: ExposureZoneModel, date: string, rt: Runtime): Exemption | null {
  if (exemptionNo) return { by: 'exemptionNo', exemptNo: exemptionNo };
  if (entityUseCode) return { by: 'entityUseCode', code: entityUseCode };
  const certificate = bestExemptingCertificate(rt.store.certificatesOfInZone(customerCode, zone.id), date);
  return certificate ? { by: 'certificate', certificate } : null;
}

// Transactions are not stored, so ids only need to be unique within one running sandbox.
const lastIds = new WeakMap<Runtime, number>();
function nextId(rt: Runtime): number {
  const id = (lastIds.get(rt) ?? 0) + 1;
  lastIds.set(rt, id);
  return id;
}

const sum = (values: number[]) => cents(values.reduce((a, b) => a + b, 0));
const text = (place: Json, key: string) => (typeof place[key] === 'string' ? (place[key] as string) : undefined);

function transactionModel(tx: Transaction, rt: Runtime): Json {
  const transactionId = nextId(rt);
  const addresses: Json[] = [];
  const addressIds = new Map<Json, number>();
  const addressId = (place: Json): number => {
    const known = addressIds.get(place);
    if (known !== undefined) return known;
    const id = nextId(rt);
    addressIds.set(place, id);
    addresses.push({ id, transactionId, ...Object.fromEntries(['line1', 'line2', 'line3', 'city', 'region', 'postalCode', 'country'].map((k) => [k, text(place, k)])) });
    return id;
  };
  const summary = new Map<string, Json & { taxable: number; tax: number; exemption: number }>();
  const messages: Json[] = [];

  const lines = tx.lines.map((line, i) => {
    const { zone, exemption } = line;
    const { rate, taxName } = rateForRegion(zone.country, zone.region);
    const share = exemption?.by === 'certificate' ? exemption.certificate.exemptPercentage / 100 : exemption ? 1 : 0;
    const exemptAmount = cents(line.amount * share);
    const taxableAmount = cents(line.amount - exemptAmount);
    const tax = cents(taxableAmount * rate);
    const lineId = nextId(rt);
    const destinationAddressId = addressId(line.route.to);
    const certificate = exemption?.by === 'certificate' ? exemption.certificate : null;
    const exemptNo = certificate ? certificate.exemptionNumber : exemption?.by === 'exemptionNo' ? exemption.exemptNo : undefined;
    if (exemption && exemption.by !== 'certificate') {
      const how = exemption.by === 'exemptionNo' ? `exemption number '${exemption.exemptNo}'` : `entity use code '${exemption.code}'`;
      messages.push({ summary: `Line ${line.number} is exempt by the ${how} given with the request.`, details: 'No certificate was looked up for this line.', refersTo: `lines[${i}]`, severity: 'Success', source: 'cert-elements sandbox' });
    }
    const key = `${zone.country}/${zone.region}/${taxName}`;
    const row = summary.get(key) ?? { country: zone.country, region: zone.region, jurisType: 'State', jurisCode: zone.region, jurisName: zone.name.toUpperCase(), taxType: 'Sales', taxName, rateType: 'General', rate, taxable: 0, tax: 0, nonTaxable: 0, exemption: 0 };
    summary.set(key, { ...row, taxable: cents(row.taxable + taxableAmount), tax: cents(row.tax + tax), exemption: cents(row.exemption + exemptAmount) });
    const detail = {
      id: nextId(rt), transactionLineId: lineId, transactionId, addressId: destinationAddressId, country: zone.country, region: zone.region,
      exemptAmount, exemptReasonId: certificate?.exemptionReasonId ?? 0, inState: text(line.route.from, 'region')?.toUpperCase() === zone.region,
      jurisCode: zone.region, jurisName: zone.name.toUpperCase(), jurisType: 'STA', jurisdictionType: 'State', nonTaxableAmount: 0,
      rate, tax, taxableAmount, taxType: 'Sales', taxName, taxCalculated: tax, rateType: 'General', rateTypeCode: 'G', sourcing: 'Destination',
    };
    return {
      id: lineId, transactionId, lineNumber: line.number, entityUseCode: line.entityUseCode, customerUsageType: line.entityUseCode,
      description: line.description, destinationAddressId, originAddressId: addressId(line.route.from), discountAmount: 0, exemptAmount,
      exemptCertId: certificate?.id ?? 0, exemptNo, isItemTaxable: true, itemCode: line.itemCode, lineAmount: line.amount,
      quantity: line.quantity, reportingDate: tx.date, tax, taxableAmount, taxCalculated: tax, taxCode: line.taxCode, taxDate: tx.date,
      taxIncluded: false, sourcing: 'Destination', details: [detail],
    };
  });

  const totalTax = sum(lines.map((l) => l.tax));
  const first = tx.lines[0]!.zone;
  return {
    id: transactionId, code: tx.code, companyId: rt.companyId, date: tx.date, status: tx.status, type: tx.type, currencyCode: tx.currencyCode,
    entityUseCode: tx.entityUseCode, customerUsageType: tx.entityUseCode, customerVendorCode: tx.customerCode, customerCode: tx.customerCode,
    exemptNo: tx.exemptionNo, reconciled: false, purchaseOrderNo: tx.purchaseOrderNo, referenceCode: tx.referenceCode,
    totalAmount: sum(lines.map((l) => l.lineAmount)), totalExempt: sum(lines.map((l) => l.exemptAmount)), totalDiscount: 0,
    totalTax, totalTaxable: sum(lines.map((l) => l.taxableAmount)), totalTaxCalculated: totalTax, locked: false,
    region: first.region, country: first.country, version: 1, modifiedDate: rt.now().toISOString(), taxDate: tx.date,
    lines, addresses, summary: [...summary.values()].map((row) => ({ ...row, taxCalculated: row.tax })),
    ...(messages.length ? { messages } : {}),
  };
}

async function createTransaction(req: ApiRequest, rt: Runtime): Promise<Reply> {
  const body = await readJsonObject(req, 'CreateTransactionModel');
  return json(200, transactionModel(parseTransaction(body, rt), rt));
}

/** Registers CreateTransaction. `$include` is accepted and ignored: the answer always has lines, details and summary. */
export function registerTransactionRoutes(router: Router<ApiRoute>): void {
  router.add('POST', '/api/v2/transactions/create', { handler: createTransaction });
}
