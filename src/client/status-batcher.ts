import type { BatchStatusResponse, StatusVerdict } from './contract.js';
import { apiError, CertApiError } from './errors.js';

/** One zone of one customer, as the batch route takes it. */
export interface BatchItem {
  customerCode: string;
  country: string;
  region: string;
}

type Post = (items: BatchItem[]) => Promise<BatchStatusResponse>;

interface Waiting {
  item: BatchItem;
  resolve: (verdict: StatusVerdict) => void;
  reject: (error: unknown) => void;
}

/** Most items the companion takes in one batch call. */
export const BATCH_LIMIT = 100;

const queues = new Map<string, { post: Post; waiting: Waiting[] }>();

/**
 * Queues a staff status ask; all asks queued under `key` in the same task go out together as
 * `POST /v1/status/batch` calls of at most {@link BATCH_LIMIT} items.
 */
export function batchStatus(key: string, item: BatchItem, post: Post): Promise<StatusVerdict> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(key);
    if (!queue) {
      queues.set(key, (queue = { post, waiting: [] }));
      setTimeout(() => flush(key));
    }
    queue.waiting.push({ item, resolve, reject });
  });
}

function flush(key: string): void {
  const queue = queues.get(key);
  queues.delete(key);
  if (!queue) return;
  for (let i = 0; i < queue.waiting.length; i += BATCH_LIMIT) {
    const chunk = queue.waiting.slice(i, i + BATCH_LIMIT);
    queue.post(chunk.map((w) => w.item)).then(
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
