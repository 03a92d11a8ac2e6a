import { AsyncLocalStorage } from 'node:async_hooks';

/** AvaTax round trips made while answering one request, for the access log. */
export interface UpstreamMetrics {
  calls: number;
  ms: number;
}

const store = new AsyncLocalStorage<UpstreamMetrics>();

/** Runs `fn` with a fresh metrics record that upstream calls made inside it add to. */
export function withUpstreamMetrics<T>(metrics: UpstreamMetrics, fn: () => Promise<T>): Promise<T> {
  return store.run(metrics, fn);
}

/** Adds one round trip to the current request's record, if any. */
export function recordUpstreamCall(ms: number): void {
  const metrics = store.getStore();
  if (!metrics) return;
  metrics.calls += 1;
  metrics.ms += ms;
}
