/**
 * The salesperson's loop in the ERP demo: order entry finds a customer with no certificate,
 * uploads the one the customer handed over (the status turns exempt in place, and the tax line
 * with it), then requests one for another zone by email; the customer grid shows a settled badge
 * for every customer with one token and status batches of at most 100.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startDemo, type Demo } from '../../demo/server.js';
import { chooseCustomer as pickCustomer } from '../../demo/drive.js';
import { launchChromium, makePdf } from './browser.js';

let demo: Demo;
let browser: Browser;

before(async () => {
  demo = await startDemo({ port: 0, hmr: false, sandbox: { port: 0, inviteDelayMs: 300, customers: 250 } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

/** `YYYY-MM-DD`, `days` from today (UTC, the calendar the sandbox judges validity by). */
function utcDay(days: number): string {
  const at = new Date();
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** A context already signed in as the salesperson (the cookie set through the demo's sign-in). */
async function staffContext(): Promise<BrowserContext> {
  const context = await browser.newContext();
  const answer = await context.request.post(`${demo.url}/demo-api/session`, { data: { role: 'staff' } });
  assert.equal(answer.status(), 200);
  return context;
}

/** The sandbox's own record, read with its credentials (what AvaTax holds, not what a page shows). */
async function sandboxGet<T>(path: string): Promise<T> {
  const { sandbox } = demo.backend;
  const { accountId, licenseKey } = sandbox.credentials;
  const response = await fetch(`${sandbox.url}${path}`, {
    headers: { authorization: `Basic ${Buffer.from(`${accountId}:${licenseKey}`).toString('base64')}` },
    signal: AbortSignal.timeout(5000),
  });
  assert.equal(response.status, 200, `${path} answered ${response.status}`);
  return (await response.json()) as T;
}

async function chooseCustomer(page: Page, typed: string, code: string): Promise<void> {
  await pickCustomer(page, typed, code);
  const field = page.getByRole('combobox', { name: 'Customer' });
  assert.match(await field.inputValue(), new RegExp(`^${code} — `));
}

test('order entry: upload a missing certificate, then request one for another zone by email', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const certApi: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/cert-api/')) certApi.push(request.url());
  });

  await page.goto(`${demo.url}/erp.html`);
  const signIn = page.getByRole('button', { name: 'Sign in as the salesperson' });
  await signIn.waitFor();
  assert.deepEqual(certApi, [], 'no cert API call before the salesperson signs in');
  await Promise.all([page.waitForEvent('load'), signIn.click()]);
  await page.getByRole('heading', { name: 'Order entry — SO-10482' }).waitFor();

  await chooseCustomer(page, 'Evergreen', 'C-1005');
  await page.getByLabel('Ship-to zone').selectOption('US-WA');
  const badge = page.locator('cert-status#badge');
  await page.locator('cert-status#badge[region="WA"][state="missing"]').waitFor();
  await page.locator('cert-status#status[region="WA"][state="missing"]').waitFor();
  // 6.5 % of $1,552.05: no certificate, so the order is taxed.
  await page.locator('#tax', { hasText: '$100.88' }).waitFor();
  assert.equal(await page.locator('#total').innerText(), '$1,652.93');

  // Any navigation would lose this marker: the status must change in place.
  await page.evaluate(() => Object.assign(globalThis, { stillThisPage: true }));
  const upload = page.locator('cert-upload');
  await page.locator('cert-upload[state="idle"]').waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
    throw new Error(`<cert-upload> did not show its form: state ${await upload.getAttribute('state')}`, { cause: error });
  });
  await upload.getByLabel('Certificate file').setInputFiles({ name: 'evergreen-wa.pdf', mimeType: 'application/pdf', buffer: makePdf('Evergreen SD exemption certificate') });
  assert.equal(await upload.getByLabel('Exposure zone').inputValue(), 'US-WA', 'the upload form follows the ship-to zone');
  await upload.getByLabel('Exemption reason').selectOption('EDUCATIONAL');
  await upload.getByLabel('Signed on').fill(utcDay(-3));
  await upload.getByLabel('Expires on').fill(utcDay(730));
  await upload.getByLabel('Exemption number').fill('WA-EDU-2026-0017');
  await upload.getByRole('button', { name: 'Upload certificate' }).click();
  await page.locator('cert-upload[state="uploaded"]').waitFor();

  await page.locator('cert-status#badge[state="exempt"]').waitFor();
  // The reason by its name, not AvaTax's code (EDUCATIONAL).
  await page.locator('cert-status#status[state="exempt"]').getByText('Reason: Educational institution').waitFor();
  await page.locator('#tax', { hasText: 'Exempt (certificate on file)' }).waitFor();
  assert.equal(await page.locator('#total').innerText(), '$1,552.05');
  assert.equal(await page.evaluate(() => (globalThis as { stillThisPage?: boolean }).stillThisPage), true);

  const stored = await sandboxGet<{ value: { exemptionNumber?: string; exposureZone?: { region?: string } }[] }>(
    `/api/v2/companies/${demo.backend.sandbox.companyId}/customers/C-1005/certificates?$include=exposureZone`,
  );
  assert.ok(stored.value.some((c) => c.exemptionNumber === 'WA-EDU-2026-0017'), 'the certificate is on file in the sandbox');

  // Oregon: nothing on file there; request it by email from the delivery form.
  await page.getByLabel('Ship-to zone').selectOption('US-OR');
  await page.locator('cert-status#badge[region="OR"][state="missing"]').waitFor();
  assert.equal(await badge.getAttribute('region'), 'OR');
  const request = page.locator('certexpress-link#request[region="OR"]');
  assert.equal(await request.getByRole('radio', { name: 'Email' }).isChecked(), true);
  const recipient = request.getByLabel('Email address');
  const chosen = await page.locator('customer-lookup').evaluate((el) => (el as unknown as { customer?: { emailAddress?: string } }).customer?.emailAddress);
  assert.ok(chosen, 'the sandbox customer has an email address');
  assert.equal(await recipient.inputValue(), chosen, 'the recipient is prefilled from the chosen customer');
  await request.getByRole('button', { name: 'Send request' }).click();
  await page.locator('certexpress-link#request[state="sent"]').waitFor();
  await request.getByText(`Request sent to ${chosen} (Email)`).waitFor();

  const outbox = await sandboxGet<{ customerCode: string; channel: string; to: string; requestLink: string }[]>('/_sandbox/outbox');
  const sent = outbox.filter((m) => m.customerCode === 'C-1005');
  assert.equal(sent.length, 1, 'exactly one email went out');
  assert.equal(sent[0]!.channel, 'Email');
  assert.equal(sent[0]!.to, chosen);
  assert.match(sent[0]!.requestLink, /\/certexpress\//);

  // The status says who was asked and when; the salesperson sends a reminder.
  await page.locator('cert-status#status[region="OR"]').getByText(/Requested on .+ by email to .+ — no certificate received yet/).waitFor();
  await request.getByRole('button', { name: 'Send a reminder' }).click();
  await request.getByRole('button', { name: 'Send reminder' }).click();
  await request.getByText(`Reminder sent to ${chosen} (Email)`).waitFor();
  await waitForOutbox('C-1005', 2);

  // Back later, the same customer and zone: the element takes up the request, it does not start over.
  await page.reload();
  await chooseCustomer(page, 'Evergreen', 'C-1005');
  await page.getByLabel('Ship-to zone').selectOption('US-OR');
  await page.locator('certexpress-link#request[region="OR"][state="sent"]').getByText(/Requested on .+ by email/).waitFor();
  await context.close();
});

/** Waits until the sandbox's outbox holds `count` messages for the customer (emails go out once ready). */
async function waitForOutbox(customerCode: string, count: number): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const outbox = await sandboxGet<{ customerCode: string }[]>('/_sandbox/outbox');
    if (outbox.filter((m) => m.customerCode === customerCode).length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`fewer than ${count} messages for ${customerCode} in the outbox`);
}

test('customer grid: every badge settles, with one token request and ⌈N/100⌉ status batches', async () => {
  // Pier Nine (ships to Oregon, nothing on file there) was asked by email, straight in AvaTax.
  const { sandbox } = demo.backend;
  const asked = await fetch(`${sandbox.url}/api/v2/companies/${sandbox.companyId}/customers/C-1004/certexpressinvites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${sandbox.credentials.accountId}:${sandbox.credentials.licenseKey}`).toString('base64')}` },
    body: JSON.stringify([{ deliveryMethod: 'Email', coverLetterTitle: 'STANDARD_REQUEST', exposureZones: [38] }]),
  });
  assert.equal(asked.status, 200);
  const context = await staffContext();
  const page = await context.newPage();
  const counts = { token: 0, batch: 0, single: 0 };
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === '/cert-api/token') counts.token++;
    else if (pathname === '/cert-api/v1/status/batch') counts.batch++;
    else if (pathname === '/cert-api/v1/status') counts.single++;
  });
  await page.goto(`${demo.url}/grid.html`);
  const heading = page.getByRole('heading', { name: /^Customers \(\d+\)$/ });
  await heading.waitFor();
  const rows = Number(/\((\d+)\)/.exec(await heading.innerText())![1]);
  assert.ok(rows >= 200, `at least 200 customers (got ${rows})`);

  const badges = page.locator('cert-status[compact]');
  assert.equal(await badges.count(), rows);
  await page.locator('cert-status[compact]:is([state="loading"], :not([state]))').first().waitFor({ state: 'detached', timeout: 15_000 });
  const states = await badges.evaluateAll((els) => els.map((el) => el.getAttribute('state')));
  assert.equal(states.filter((s) => s === 'error').length, 0, 'no badge failed');
  await page.getByRole('status').filter({ hasText: `${rows} customers:` }).waitFor();

  // Seeded customers in their home region show what the sandbox holds for them.
  const stateOf = (code: string) => page.locator(`cert-status[customer-code="${code}"]`).getAttribute('state');
  assert.equal(await stateOf('C-1001'), 'exempt');
  assert.equal(await stateOf('C-1002'), 'expired');
  assert.equal(await stateOf('C-1003'), 'pending');
  assert.equal(await stateOf('C-1004'), 'missing'); // ships to Oregon; its revoked certificate is for Washington
  assert.equal(await stateOf('C-1006'), 'exempt'); // Ontario

  assert.equal(counts.token, 1, 'one staff token for the whole page');
  assert.equal(counts.batch, Math.ceil(rows / 100), 'status questions batched by 100, open requests included');
  assert.equal(counts.single, 0, 'no single status calls');

  // The backlog: how long ago a customer was asked, and only those we wait for.
  const pier = page.locator('cert-status[customer-code="C-1004"]');
  await pier.getByText('Requested today').waitFor();
  await page.getByLabel('Only customers we are waiting for (asked, no certificate yet)').check();
  const shown = await page.locator('#rows tr:not([hidden])').evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent));
  assert.ok(shown.includes('C-1004'), 'the customer we wait for is listed');
  assert.ok(!shown.includes('C-1001'), 'a customer with a certificate is not');
  await context.close();
});

test('a grid row opens order entry for that customer and zone', async () => {
  const context = await staffContext();
  const page = await context.newPage();
  await page.goto(`${demo.url}/grid.html`);
  await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'New order for Cascade Valley Clinic' }).click()]);
  await page.locator('customer-lookup[value="C-1002"][state="selected"]').waitFor();
  assert.equal(await page.getByLabel('Ship-to zone').inputValue(), 'US-WA');
  await page.locator('cert-status#badge[state="expired"]').waitFor();
  await page.locator('#tax', { hasText: '$100.88' }).waitFor();
  await context.close();
});

test('the ERP pages turn away anyone but the salesperson, without calling the cert API', async () => {
  const context = await browser.newContext();
  const buyer = await context.request.post(`${demo.url}/demo-api/session`, { data: { customerCode: 'C-1001' } });
  assert.equal(buyer.status(), 200);
  const accounts = await context.request.get(`${demo.url}/demo-api/accounts`);
  assert.equal(accounts.status(), 401, 'a buyer does not get the customer list');

  const page = await context.newPage();
  const certApi: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/cert-api/') || request.url().includes('/demo-api/accounts')) certApi.push(request.url());
  });
  for (const path of ['erp.html', 'grid.html']) {
    await page.goto(`${demo.url}/${path}`);
    await page.getByText('You are signed in as the buyer Rainier Supply Co.').waitFor();
    await page.getByRole('button', { name: 'Sign in as the salesperson' }).waitFor();
  }
  assert.deepEqual(certApi, []);
  await context.close();
});
