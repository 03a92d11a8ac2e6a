/**
 * The storefront loop, as a buyer walks it in the demo: signed in, Nevada shows no certificate;
 * Request → the link appears once the invitation is ready → the sandbox's CertExpress page →
 * upload a PDF and sign → back on the account page, Nevada is covered.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startDemo, type Demo } from '../../demo/server.js';
import { launchChromium, makePdf } from './browser.js';

let demo: Demo;
let browser: Browser;

before(async () => {
  demo = await startDemo({ port: 0, hmr: false, sandbox: { port: 0, inviteDelayMs: 400 } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

async function signIn(page: Page, customerCode: string): Promise<void> {
  await page.goto(`${demo.url}/index.html`);
  await page.locator('#who').selectOption(customerCode);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Sign in' }).click()]);
}

test('a buyer gets a missing certificate on file through CertExpress', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'C-1001');

  const nevada = page.locator('cert-status[region="NV"]');
  await nevada.and(page.locator('[state="missing"]')).waitFor();
  await assert.doesNotReject(page.locator('cert-status[region="WA"][state="exempt"]').waitFor());
  await assert.doesNotReject(page.locator('cert-status[region="TX"][state="expiring"]').waitFor());

  const link = page.locator('certexpress-link[region="NV"]');
  await link.getByRole('button', { name: 'Request certificate' }).click();
  await link.and(page.locator('[state="ready"]')).waitFor();
  const anchor = link.getByRole('link');
  assert.equal(await anchor.getAttribute('target'), '_blank');
  assert.match((await anchor.getAttribute('href')) ?? '', /^http:\/\/127\.0\.0\.1:\d+\/certexpress\//);

  const [form] = await Promise.all([context.waitForEvent('page'), anchor.click()]);
  await form.waitForLoadState();
  await form.getByLabel('Reason for exemption').selectOption({ label: 'RESALE' });
  await form.getByLabel('Exemption or permit number (optional)').fill('NV-RS-2026-0042');
  await form.getByLabel('Certificate file').setInputFiles({ name: 'nevada-resale.pdf', mimeType: 'application/pdf', buffer: makePdf('Nevada resale certificate') });
  await form.getByLabel('Your full name').fill('Rita Rainier');
  await form.getByLabel('I certify that the information on this certificate is true and correct.').check();
  await form.getByRole('button', { name: 'Submit certificate' }).click();
  const received = form.getByRole('heading', { name: /your certificate was received/ });
  await received.waitFor({ timeout: 5000 }).catch(async (error: unknown) => {
    // Show what the page said instead (a validation message, a refusal) before failing.
    throw new Error(`CertExpress page did not confirm: ${await form.locator('main').innerText()}`, { cause: error });
  });
  await form.close();

  // Back on the account page: returning to the tab checks the missing zone again, no reload.
  // Headless Chromium keeps both tabs visible, so the test plays the event a browser fires then.
  await page.bringToFront();
  await page.evaluate("document.dispatchEvent(new Event('visibilitychange'))");
  await page.locator('cert-status[region="NV"][state="exempt"]').waitFor({ timeout: 5000 });
  // The list of every certificate on file shows it on the next visit.
  await page.reload();
  await page.locator('cert-status:not([region])').getByText('Nevada').waitFor();
  await context.close();
});

test('the account page asks a signed-out visitor to sign in, without calling the cert API', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const certApiCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/cert-api/')) certApiCalls.push(request.url());
  });
  await page.goto(`${demo.url}/index.html`);
  await page.getByText('You are signed out.').waitFor();
  assert.deepEqual(certApiCalls, []);
  await context.close();
});

test('the demo sign-in refuses what another site could send: a form post, a foreign origin', async () => {
  const asForm = await fetch(`${demo.url}/demo-api/session`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: '{"role":"staff","a":"="}',
  });
  assert.equal(asForm.status, 415);
  assert.equal(asForm.headers.get('set-cookie'), null);
  const foreign = await fetch(`${demo.url}/demo-api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' },
    body: JSON.stringify({ role: 'staff' }),
  });
  assert.equal(foreign.status, 403);
  assert.equal(foreign.headers.get('set-cookie'), null);
});
