/**
 * The demo account page: the shop's own script. It asks its backend who is signed in and
 * renders one <cert-status> per ship-to zone, with a <certexpress-link> in the `missing` slot.
 * The elements fetch their token from the shop's token endpoint; the page never handles it.
 */
import '../../src/index.js';
import { mountPrefs } from './prefs.js';

mountPrefs();

interface ShipToZone { country: string; region: string; name: string }
type Session =
  | { signedIn: false }
  | { signedIn: true; role: 'staff'; name: string }
  | { signedIn: true; role: 'buyer'; customerCode: string; name: string; email?: string; shipTo: ShipToZone[] };
interface DemoCustomerListing { customerCode: string; name: string; note: string }

const TOKEN_ENDPOINT = '/cert-api/token';
const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
};

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function statusElement(zone: ShipToZone | null): HTMLElement {
  const status = document.createElement('cert-status');
  status.setAttribute('token-endpoint', TOKEN_ENDPOINT);
  if (zone) {
    status.setAttribute('country', zone.country);
    status.setAttribute('region', zone.region);
    // The zone's heading names it ("Ship to Nevada"): the box need not say it again.
    status.setAttribute('hide-zone', '');
    const link = document.createElement('certexpress-link');
    link.setAttribute('slot', 'missing');
    link.setAttribute('token-endpoint', TOKEN_ENDPOINT);
    link.setAttribute('country', zone.country);
    link.setAttribute('region', zone.region);
    status.append(link);
  }
  return status;
}

function renderAccount(session: Session): void {
  const buyer = session.signedIn && session.role === 'buyer' ? session : null;
  byId('signed-out').hidden = session.signedIn;
  for (const id of ['profile', 'exemptions', 'on-file']) byId(id).hidden = !buyer;
  if (!buyer) {
    if (session.signedIn) byId('signed-out').textContent = 'The salesperson view is the ERP demo; sign in as a customer to see an account.';
    return;
  }
  byId('profile-name').textContent = buyer.name;
  byId('profile-code').textContent = buyer.customerCode;
  byId('profile-email').textContent = buyer.email ?? '—';
  const zones = byId('zones');
  zones.replaceChildren(
    ...buyer.shipTo.map((zone) => {
      const item = document.createElement('li');
      const heading = Object.assign(document.createElement('h3'), { lang: 'en', textContent: `Ship to ${zone.name}` });
      item.append(heading, statusElement(zone));
      return item;
    }),
  );
  byId('on-file-slot').replaceChildren(statusElement(null));
}

async function signIn(who: string): Promise<void> {
  const body = who === 'staff' ? { role: 'staff' } : { customerCode: who };
  await getJson('/demo-api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  // A new identity means new tokens: reload so no element keeps the previous customer's.
  location.reload();
}

async function start(): Promise<void> {
  const [customers, session] = await Promise.all([
    getJson<DemoCustomerListing[]>('/demo-api/customers'),
    getJson<Session>('/demo-api/session'),
  ]);
  const select = byId<HTMLSelectElement>('who');
  select.replaceChildren(
    ...customers.map((c) => new Option(`${c.name} (${c.customerCode})`, c.customerCode)),
    new Option('Salesperson (staff)', 'staff'),
  );
  const current = session.signedIn ? (session.role === 'staff' ? 'staff' : session.customerCode) : customers[0]?.customerCode;
  if (current) select.value = current;
  const note = () => {
    byId('who-note').textContent = customers.find((c) => c.customerCode === select.value)?.note ?? '';
  };
  select.addEventListener('change', note);
  note();
  byId<HTMLFormElement>('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    void signIn(select.value);
  });
  byId('sign-out').addEventListener('click', () => {
    void getJson('/demo-api/session', { method: 'DELETE' }).then(() => location.reload());
  });
  renderAccount(session);
}

void start().catch((error: unknown) => {
  byId('main').prepend(Object.assign(document.createElement('p'), { role: 'alert', textContent: `The demo could not start: ${String(error)}` }));
});
