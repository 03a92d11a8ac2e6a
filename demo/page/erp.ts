/**
 * The ERP demo's sales-order entry screen. The salesperson picks the customer with
 * <customer-lookup>; the badge, the status panel, the request form and the upload form follow
 * that choice (`customer-source`) and the ship-to zone chosen here. The tax line follows the
 * certificate status: exempt only while a valid certificate is on file for the zone.
 *
 * Query parameters (links from the customer grid): `customer=G-000001`, `zone=US-WA`.
 */
import '../../src/elements/define-customer-lookup.js';
import '../../src/elements/define-cert-status.js';
import '../../src/elements/define-certexpress-link.js';
import '../../src/elements/define-cert-upload.js';
import type { CertStatus } from '../../src/client/contract.js';
import { byId, mountWorkspace, requireStaff, showProblem } from './erp-session.js';
import { mountPrefs } from './prefs.js';
import { zoneByKey, zoneOptions, type ShipToZone } from './erp-zones.js';

interface OrderLine {
  item: string;
  description: string;
  quantity: number;
  /** In cents, so sums are exact. */
  unitPrice: number;
}

const LINES: readonly OrderLine[] = [
  { item: 'HX-2210', description: 'Hex bolt, grade 8, ½″-13 × 3″ (box of 50)', quantity: 12, unitPrice: 38_40 },
  { item: 'PW-1180', description: 'Cordless impact driver kit, 18 V', quantity: 2, unitPrice: 229_00 },
  { item: 'SF-0420', description: 'Safety glasses, anti-fog (pack of 12)', quantity: 5, unitPrice: 54_95 },
  { item: 'LB-7700', description: 'LED work light, 5000 lm', quantity: 3, unitPrice: 119_50 },
];

const DEFAULT_ZONE = 'US-WA';
/** Statuses under which the order is invoiced without tax: a valid certificate is on file. */
const EXEMPT: ReadonlySet<CertStatus> = new Set(['exempt', 'expiring']);

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const cents = (amount: number): string => money.format(amount / 100);
const subtotal = LINES.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);

/** What the tax line knows about the exemption right now. */
type Exemption = { kind: 'no-customer' } | { kind: 'checking' } | { kind: 'status'; status: CertStatus } | { kind: 'unknown' };

function renderLines(): void {
  byId('lines').replaceChildren(
    ...LINES.map((line) => {
      const row = document.createElement('tr');
      const cells = [line.item, line.description, String(line.quantity), cents(line.unitPrice), cents(line.quantity * line.unitPrice)];
      row.append(...cells.map((text, i) => Object.assign(document.createElement('td'), { textContent: text, className: i >= 2 ? 'num' : '' })));
      return row;
    }),
  );
  byId('subtotal').textContent = cents(subtotal);
}

/** The tax and total rows: exempt with a valid certificate, taxed otherwise (or when unknown). */
function renderTax(zone: ShipToZone, exemption: Exemption): void {
  const tax = Math.round((subtotal * zone.rate) / 100);
  const rate = zone.rate ? `${zone.region} ${zone.rate}%` : `none in ${zone.name}`;
  const exempt = exemption.kind === 'status' && EXEMPT.has(exemption.status);
  byId('tax-label').textContent = `Sales tax (${rate})`;
  const cell = byId('tax');
  cell.replaceChildren();
  if (exempt) cell.textContent = 'Exempt (certificate on file)';
  else if (exemption.kind === 'checking') cell.textContent = 'Checking certificate…';
  else {
    cell.textContent = cents(tax);
    const why =
      exemption.kind === 'unknown' ? 'certificate status unavailable'
      : exemption.kind === 'status' && zone.rate ? 'no valid certificate'
      : '';
    if (why) cell.append(Object.assign(document.createElement('small'), { className: 'erp-tax__note', textContent: why }));
  }
  byId('total').textContent = exemption.kind === 'checking' ? '…' : cents(subtotal + (exempt ? 0 : tax));
}

async function start(): Promise<void> {
  mountPrefs();
  if (!(await requireStaff())) return;
  const params = new URLSearchParams(location.search);
  mountWorkspace((workspace) => {
    // A customer from the grid's link: the lookup looks the code up and chooses it.
    const code = params.get('customer');
    if (code) workspace.querySelector('customer-lookup')?.setAttribute('value', code);
  });

  const select = byId<HTMLSelectElement>('ship-to');
  select.append(...zoneOptions());
  select.value = zoneByKey(params.get('zone') ?? '') ? params.get('zone')!.toUpperCase() : DEFAULT_ZONE;
  byId<HTMLInputElement>('order-date').value = new Date().toISOString().slice(0, 10);
  renderLines();

  let zone = zoneByKey(select.value)!;
  let customerCode: string | undefined;
  let exemption: Exemption = { kind: 'no-customer' };
  const show = (next: Exemption): void => {
    exemption = next;
    renderTax(zone, exemption);
  };

  // Every element marked data-zone follows the ship-to zone; changing it restarts their work.
  // Only a real change waits for a new status: the same zone again brings no new event.
  const applyZone = (): void => {
    const next = zoneByKey(select.value)!;
    const changed = next !== zone;
    zone = next;
    for (const el of document.querySelectorAll('[data-zone]')) {
      el.setAttribute('country', zone.country);
      el.setAttribute('region', zone.region);
    }
    byId('zone-hint').textContent = `Ship-to zone: ${zone.name} (${zone.country})`;
    show(changed && customerCode ? { kind: 'checking' } : exemption);
  };
  select.addEventListener('change', applyZone);
  applyZone();

  byId('customer').addEventListener('customer-select', (event) => {
    const code = (event as CustomEvent<{ customer?: { customerCode?: string } }>).detail.customer?.customerCode;
    if (code && code !== customerCode) show({ kind: 'checking' });
    customerCode = code;
  });
  // The full panel speaks for the tax line; it also refreshes itself after an upload.
  const panel = byId('status');
  panel.addEventListener('cert-status-change', (event) => show({ kind: 'status', status: event.detail.status }));
  panel.addEventListener('cert-error', () => show({ kind: 'unknown' }));
}

void start().catch((error: unknown) => showProblem(`The order entry screen could not start: ${String(error)}`));
