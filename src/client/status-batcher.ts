import type { BatchStatusResponse, StatusVerdict } from './contract.js';
import { useStatusBatching, type StatusBatching } from './cert-client.js';
import { apiError, CertApiError } from './errors.js';

/** One zone of one customer, as the batch route takes it. */
export interface BatchItem {
  customerCode: string;
  country: string;
  region: string;
}

interface Waiting {
  item: BatchItem;
  resolve: (verdict: StatusVerdict) => void;
  reject: (error: unknown) => void;
}

type Post = (items: BatchItem[], since: number | undefined) => Promise<BatchStatusResponse>;

/** Most items the companion takes in one batch call. */
export const BATCH_LIMIT = 100;

const queues = new Map<string, { post: Post; waiting: Waiting[]; since?: number }>();

/**
 * Queues a staff status ask; all asks queued under `scope` in the same task go out together as
 * `POST /v1/status/batch` calls of at most {@link BATCH_LIMIT} items (a person's re-checks in
 * batches of their own, marked fresh).
 */
export const batchStatus: StatusBatching = (scope, item, client, since) =>
  new Promise((resolve, reject) => {
    const key = since === undefined ? scope : `${scope}fresh`;
    let queue = queues.get(key);
    if (!queue) {
      const post: Post = (items, latest) =>
        // Grids show how long ago a customer was asked: the batch brings open requests along.
        client.request<BatchStatusResponse>('POST', '/v1/status/batch', { items, requests: true }, { since: latest });
      queues.set(key, (queue = { post, waiting: [] }));
      setTimeout(() => flush(key));
    }
    // The latest action of the batch decides which answers are recent enough for all of it.
    if (since !== undefined) queue.since = Math.max(queue.since ?? since, since);
    queue.waiting.push({ item, resolve, reject });
  });

/**
 * Makes every {@link CertClient} on the page batch staff status asks. The define module of
 * `<cert-status>` and `cert-elements/client` call it when loaded; the storefront bundle does not.
 */
export const enableStatusBatching = (): void => useStatusBatching(batchStatus);

function flush(scope: string): void {
  const queue = queues.get(scope);
  queues.delete(scope);
  if (!queue) return;
  for (let i = 0; i < queue.waiting.length; i += BATCH_LIMIT) {
    const chunk = queue.waiting.slice(i, i + BATCH_LIMIT);
    queue.post(chunk.map((w) => w.item), queue.since).then(
      ({ items }) =>
        chunk.forEach((w, n) => {
          const answer = items?.[n];
          if (answer?.ok) {
            const { ok: _ok, ...verdict } = answer;
            w.resolve(verdict);
          } else {
            w.reject(answer ? new CertApiError(answer.error) : apiError('upstream_error', 'The service sent an unreadable answer.'));
          }
        }),
      (error: unknown) => chunk.forEach((w) => w.reject(error)),
    );
  }
}
