/**
 * Certificate attributes: the attributes linked to one certificate (list, link, unlink) and
 * the company's definitions list `GET /api/v2/definitions/certificateattributes`
 * (ListCertificateAttributes; its `companyid` parameter has no `$`, as in the SDK).
 */
import type { ApiRequest, ApiRoute } from '../api.js';
import { AvaTaxError, missingField, notFound } from '../errors.js';
import { readJsonArray } from '../http/api-body.js';
import type { Router } from '../http/router.js';
import { json, type Reply } from '../http/types.js';
import type { CertificateAttributeModel } from '../../avatax/models.js';
import { fetchResult, type ListOptions } from '../odata/fetch-result.js';
import { write, type Runtime } from '../runtime.js';
import { certificateFromPath } from './shared.js';

const ATTRIBUTE_LIST: ListOptions = { fields: ['id', 'name', 'description', 'isSystemCode'], defaultOrder: 'id' };

function attributesOf(rt: Runtime, ids: readonly number[] | undefined): CertificateAttributeModel[] {
  return (ids ?? []).flatMap((id) => rt.catalogue.attributeById(id) ?? []).map((a) => ({ ...a }));
}

function listForCertificate(req: ApiRequest, rt: Runtime): Reply {
  const certificate = certificateFromPath(req, rt);
  return json(200, fetchResult(attributesOf(rt, certificate.attributeIds), new URLSearchParams(), req.path, ATTRIBUTE_LIST));
}

/** Resolves the body's CertificateAttributeModel items by id, else by name. */
async function readAttributeIds(req: ApiRequest, rt: Runtime): Promise<number[]> {
  const items = await readJsonArray(req, 'CertificateAttributeModel');
  return items.map((item, i) => {
    const { id, name } = item;
    if (typeof id === 'number' && id > 0) return rt.catalogue.attributeById(id)?.id ?? throwNotFound('id', id);
    if (typeof name === 'string' && name.trim()) return rt.catalogue.attributeByName(name)?.id ?? throwNotFound('name', name);
    throw missingField(`[${i}].id`);
  });
}

function throwNotFound(field: string, value: string | number): never {
  throw notFound('CertificateAttribute', field, value);
}

function changeLinks(unlink: boolean) {
  return async (req: ApiRequest, rt: Runtime): Promise<Reply> => {
    certificateFromPath(req, rt);
    const ids = await readAttributeIds(req, rt);
    const next = await write(rt, () => {
      const certificate = certificateFromPath(req, rt);
      const current = certificate.attributeIds ?? [];
      const linked = unlink ? current.filter((id) => !ids.includes(id)) : [...new Set([...current, ...ids])];
      rt.store.modifyCertificate(certificate, (c) => {
        c.attributeIds = linked;
        c.modifiedDate = rt.now().toISOString();
      });
      return linked;
    });
    return json(200, fetchResult(attributesOf(rt, next), new URLSearchParams(), req.path, ATTRIBUTE_LIST));
  };
}

function listDefinitions(req: ApiRequest, rt: Runtime): Reply {
  const companyId = req.query.get('companyid');
  if (companyId !== null && companyId !== '' && companyId !== String(rt.companyId)) {
    throw new AvaTaxError('EntityNotFoundError', 'Company not found.', { description: `The Company with id '${companyId}' was not found.` });
  }
  return json(200, fetchResult(rt.catalogue.attributes, req.query, req.path, ATTRIBUTE_LIST));
}

export function registerCertificateAttributeRoutes(router: Router<ApiRoute>): void {
  const base = '/api/v2/companies/:companyId/certificates/:id/attributes';
  router
    .add('GET', base, { handler: listForCertificate, needsProvisioning: true })
    .add('POST', `${base}/link`, { handler: changeLinks(false), needsProvisioning: true })
    .add('POST', `${base}/unlink`, { handler: changeLinks(true), needsProvisioning: true })
    // Its SDK docblock names CertCaptureNotConfiguredError, so it needs the certificate service too.
    .add('GET', '/api/v2/definitions/certificateattributes', { handler: listDefinitions, needsProvisioning: true });
}
