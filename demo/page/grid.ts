/**
 * The ERP demo's customer list: one row per customer with a compact <cert-status> badge for
 * its ship-to region. However many rows, the page fetches one staff token and the badges'
 * questions go out as batches of at most 100 (the client does that; the page only adds rows).
 */
import '../../src/elements/define-cert-status.js';
import { byId, getJson, mountWorkspace, requireStaff, showProblem, TOKEN_ENDPOINT } from './erp-session.js';
import { zoneByKey } from './erp-zones.js';
import { mountPrefs } from './prefs.js';

/** A row of `GET /demo-api/accounts` (the ERP's customer master). */
interface DemoAccount {
  customerCode: string;
  name: string;
  city: string | null;
  country: string;
  region: string;
}

/** How the summary names each settled state, in the order it lists them. */
const SUMMARY_NAMES: ReadonlyArray<[state: string, name: string]> = [
  ['exempt', 'exempt'], ['expiring', 'expiring soon'], ['pending', 'pending review'], ['expired', 'expired'],
  ['invalid', 'invalid'], ['missing', 'without a certificate'], ['error', 'not checked'],
];

const cell = (text: string): HTMLTableCellElement => Object.assign(document.createElement('td'), { textContent: text });

function row(account: DemoAccount): HTMLTableRowElement {
  const status = document.createElement('cert-status');
  status.setAttribute('compact', '');
  status.setAttribute('token-endpoint', TOKEN_ENDPOINT);
  status.setAttribute('customer-code', account.customerCode);
  status.setAttribute('country', account.country);
  status.setAttribute('region', account.region);
  const badge = document.createElement('td');
  badge.append(status);

  const action = Object.assign(document.createElement('td'), { lang: 'en' });
  const key = `${account.country}-${account.region}`;
  if (zoneByKey(key)) {
    const link = Object.assign(document.createElement('a'), { textContent: 'New order' });
    link.href = `./erp.html?${new URLSearchParams({ customer: account.customerCode, zone: key })}`;
    link.setAttribute('aria-label', `New order for ${account.name}`);
    action.append(link);
  }

  const tr = document.createElement('tr');
  tr.append(cell(account.customerCode), cell(account.name), cell(account.city ?? ''), cell(`${account.region}, ${account.country}`), badge, action);
  return tr;
}

/** Says once, when every badge has settled, how many customers are in each state. */
function summarizeWhenSettled(badges: Element[], total: number): void {
  const summary = byId('grid-summary');
  const settled = (el: Element): boolean => !/^(loading|)$/.test(el.getAttribute('state') ?? '');
  const report = (): boolean => {
    if (!badges.every(settled)) return false;
    const counts = new Map<string, number>();
    for (const el of badges) counts.set(el.getAttribute('state')!, (counts.get(el.getAttribute('state')!) ?? 0) + 1);
    const parts = SUMMARY_NAMES.filter(([state]) => counts.get(state)).map(([state, name]) => `${counts.get(state)} ${name}`);
    summary.textContent = `${total} customers: ${parts.join(', ')}.`;
    return true;
  };
  if (report()) return;
  summary.textContent = `Checking certificates for ${total} customers…`;
  const watch = new MutationObserver(() => {
    if (report()) watch.disconnect();
  });
  watch.observe(byId('rows'), { subtree: true, attributes: true, attributeFilter: ['state'] });
}

/** When each customer was asked for a certificate still missing (from the badges' `cert-status-change`). */
const askedAt = new Map<HTMLTableRowElement, number>();

/**
 * "Only customers we are waiting for" and "Longest waiting first": the grid from what the badges
 * learned (the batch brings each uncovered zone's open request along; no extra request).
 */
function arrange(rows: HTMLTableRowElement[]): void {
  const waitingOnly = byId<HTMLInputElement>('waiting-only').checked;
  const oldestFirst = byId<HTMLInputElement>('oldest-first').checked;
  for (const tr of rows) tr.hidden = waitingOnly && !askedAt.has(tr);
  const ordered = oldestFirst ? [...rows].sort((a, b) => (askedAt.get(a) ?? Infinity) - (askedAt.get(b) ?? Infinity)) : rows;
  byId('rows').append(...ordered);
}

async function start(): Promise<void> {
  mountPrefs();
  if (!(await requireStaff())) return;
  mountWorkspace();
  const accounts = await getJson<DemoAccount[]>('/demo-api/accounts');
  const count = Object.assign(document.createElement('span'), { className: 'erp-count', textContent: ` (${accounts.length})` });
  byId('grid-title').append(count);
  const rows = accounts.map(row);
  // One append: every badge connects in the same task, so the client batches them together.
  byId('rows').append(...rows);
  summarizeWhenSettled(rows.map((r) => r.querySelector('cert-status')!), accounts.length);
  for (const tr of rows) {
    tr.addEventListener('cert-status-change', (event) => {
      const request = event.detail.request;
      if (request) askedAt.set(tr, Date.parse(request.createdAt));
      else askedAt.delete(tr);
    });
  }
  for (const id of ['waiting-only', 'oldest-first']) byId(id).addEventListener('change', () => arrange(rows));
}

void start().catch((error: unknown) => showProblem(`The customer list could not load: ${String(error)}`));
