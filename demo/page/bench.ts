/**
 * A page with many <cert-status> elements, for `npm run bench` and for trying the client's
 * token sharing, coalescing and batching by hand. It records when the elements appeared and
 * when the last of them showed a settled state, as `window.benchResult`.
 */
import '../../src/index.js';

declare global {
  interface Window {
    benchResult?: { elements: number; settledMs: number; states: Record<string, number> };
  }
}

const ZONES = ['WA', 'CA', 'TX', 'NV'];
const params = new URLSearchParams(location.search);
const count = Math.min(Math.max(Number(params.get('n') ?? 50) || 50, 1), 2000);
const grid = params.has('grid');
const host = document.getElementById('elements')!;

const started = performance.now();
const elements = Array.from({ length: count }, (_, i) => {
  const status = document.createElement('cert-status');
  status.setAttribute('token-endpoint', '/cert-api/token');
  status.setAttribute('region', grid ? 'WA' : ZONES[i % ZONES.length]!);
  if (grid) {
    status.setAttribute('compact', '');
    status.setAttribute('customer-code', `G-${String(i + 1).padStart(6, '0')}`);
  }
  return status;
});
host.append(...elements);

const settled = (el: Element) => !/^(loading|)$/.test(el.getAttribute('state') ?? '');
const watch = new MutationObserver(() => {
  if (!elements.every(settled)) return;
  watch.disconnect();
  const states: Record<string, number> = {};
  for (const el of elements) states[el.getAttribute('state')!] = (states[el.getAttribute('state')!] ?? 0) + 1;
  window.benchResult = { elements: count, settledMs: Math.round(performance.now() - started), states };
  document.getElementById('summary')!.textContent = `${count} elements settled in ${window.benchResult.settledMs} ms`;
});
watch.observe(host, { subtree: true, attributes: true, attributeFilter: ['state'] });
