/** Write operations shared by the API routes and the CertExpress page; call them inside `write()`. */
import type { CertificateInput, CertificateReplacement } from './routes/certificate-input.js';
import type { Runtime } from './runtime.js';
import type { CertificateRecord, CertificateStatus, CustomerRecord } from './store/types.js';

/** Creates a minimal customer for each code not known yet (AvaTax does this for certificate links). */
export function ensureCustomers(rt: Runtime, codes: readonly string[]): void {
  const stamp = rt.now().toISOString();
  for (const code of codes) {
    if (rt.store.customer(code)) continue;
    const record: CustomerRecord = { id: rt.store.nextCustomerId(), customerCode: code, name: code, createdDate: stamp, modifiedDate: stamp };
    rt.store.putCustomer(record);
  }
}

/** Stores a validated certificate and links its customers (created when missing). */
export function createCertificate(
  rt: Runtime,
  input: CertificateInput,
  options: { verified: boolean; status?: CertificateStatus },
): CertificateRecord {
  ensureCustomers(rt, input.customerCodes);
  const stamp = rt.now().toISOString();
  const { customerCodes, ...fields } = input;
  const record: CertificateRecord = {
    id: rt.store.nextCertificateId(),
    ...fields,
    status: options.status ?? 'COMPLETE',
    verified: options.verified,
    customerCodes: [],
    createdDate: stamp,
    modifiedDate: stamp,
  };
  rt.store.putCertificate(record);
  rt.store.link(record, customerCodes);
  return record;
}

/** UpdateCertificate: the body replaces the record; no file keeps the stored one, `customers` relinks. */
export function replaceCertificate(rt: Runtime, certificate: CertificateRecord, replacement: CertificateReplacement): void {
  const { customerCodes, document, ...fields } = replacement;
  rt.store.modifyCertificate(certificate, (c) => {
    for (const optional of ['filename', 'exemptionNumber', 'taxNumberType', 'businessNumberType'] as const) delete c[optional];
    Object.assign(c, fields, { modifiedDate: rt.now().toISOString() });
    if (document !== undefined) c.document = document;
  });
  if (customerCodes === null) return;
  ensureCustomers(rt, customerCodes);
  rt.store.unlink(certificate, certificate.customerCodes.filter((code) => !customerCodes.includes(code)));
  rt.store.link(certificate, customerCodes);
}
