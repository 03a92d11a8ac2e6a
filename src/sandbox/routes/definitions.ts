/** Definitions: cover letters, exposure zones, exempt reasons (FetchResult lists, no company in the path). */
import type { ApiRoute } from '../api.js';
import type { Router } from '../http/router.js';
import { json } from '../http/types.js';
import { fetchResult, type ListOptions } from '../odata/fetch-result.js';

// Not-filterable lists as the avatax 26.9.0 docblocks write them (`*Not filterable:*`);
// those fields still sort.
const ZONES: ListOptions = {
  fields: ['id', 'companyId', 'name', 'tag', 'description', 'created', 'modified', 'region', 'country'],
  notFilterable: ['id', 'companyId', 'tag', 'description', 'created', 'modified', 'region', 'country'],
  defaultOrder: 'id',
};
const REASONS: ListOptions = { fields: ['id', 'name'], defaultOrder: 'id' };
const COVER_LETTERS: ListOptions = {
  fields: ['id', 'companyId', 'title', 'subject', 'description', 'createdDate', 'modifiedDate', 'active', 'pageCount', 'templateFilename', 'version'],
  notFilterable: ['id', 'companyId', 'subject', 'description', 'createdDate', 'modifiedDate', 'pageCount', 'templateFilename', 'version'],
  defaultOrder: 'id',
};

export function registerDefinitionRoutes(router: Router<ApiRoute>): void {
  router
    .add('GET', '/api/v2/definitions/coverletters', {
      handler: (req, rt) => json(200, fetchResult(rt.catalogue.coverLetters, req.query, req.path, COVER_LETTERS)),
    })
    .add('GET', '/api/v2/definitions/certificateexposurezones', {
      handler: (req, rt) => json(200, fetchResult(rt.catalogue.zones, req.query, req.path, ZONES)),
    })
    .add('GET', '/api/v2/definitions/certificateexemptreasons', {
      handler: (req, rt) => json(200, fetchResult(rt.catalogue.reasons, req.query, req.path, REASONS)),
    });
}
