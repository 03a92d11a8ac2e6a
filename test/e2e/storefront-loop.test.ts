/**
 * The storefront loop, as a buyer walks it in the demo: signed in, Nevada shows no certificate;
 * Request → the link appears once the invitation is ready → the sandbox's CertExpress page →
 * upload a PDF and sign → back on the account page, Nevada is covered, without a reload. The
 * same with an invitation the companion reuses (its status cache is on, as in the demo), and
 * with both tabs left open side by side.
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

/** Fills and submits the sandbox's CertExpress form in its tab. */
async function signForm(form: Page, file: string): Promise<void> {
  await form.waitForLoadState();
  await form.getByLabel('Reason for exemption').selectOption({ label: 'RESALE' });
  await form.getByLabel('Certificate file').setInputFiles({ name: `${file}.pdf`, mimeType: 'application/pdf', buffer: makePdf(file) });
  await form.getByLabel('Your full name').fill('Pat Buyer');
  await form.getByLabel('I certify that the information on this certificate is true and correct.').check();
  await form.getByRole('button', { name: 'Submit certificate' }).click();
  const received = form.getByRole('heading', { name: /your certificate was received/ });
  await received.waitFor({ timeout: 5000 }).catch(async (error: unknown) => {
    throw new Error(`CertExpress page did not confirm: ${await form.locator('main').innerText()}`, { cause: error });
  });
}

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
  await form.getByLabel('Exemption or permit number (optional)').fill('NV-RS-2026-0042');
  await signForm(form, 'nevada-resale');
  await form.close();

  // Back on the account page: returning to the tab checks the zone again, no reload.
  // Headless Chromium keeps both tabs visible, so the test plays the event a browser fires then.
  await page.bringToFront();
  await page.evaluate("document.dispatchEvent(new Event('visibilitychange'))");
  await page.locator('cert-status[region="NV"][state="exempt"]').waitFor({ timeout: 5000 });
  // The list of every certificate on file shows it too, without a reload.
  await page.locator('cert-status:not([region])').getByText('Nevada').waitFor({ timeout: 5000 });
  await context.close();
});

test('an open request: after a reload the page shows it, ready to continue; signing covers the zone on return', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'C-1006');
  const quebec = page.locator('cert-status[region="QC"]');
  await quebec.and(page.locator('[state="missing"]')).waitFor();
  const link = page.locator('certexpress-link[region="QC"]');
  await link.getByRole('button', { name: 'Request certificate' }).click();
  await link.and(page.locator('[state="ready"]')).waitFor();

  // The buyer leaves and comes back later: the page is new, the companion still has its cache.
  // The request link takes up the open request: its form is ready to continue (the status
  // leaves the request to it rather than saying it twice).
  await page.reload();
  await quebec.and(page.locator('[state="missing"]')).waitFor();
  await link.and(page.locator('[state="ready"]')).waitFor();
  await link.getByText('Form ready').waitFor();

  const [form] = await Promise.all([context.waitForEvent('page'), link.getByRole('link').click()]);
  // The buyer is in the form's tab: the account page is hidden meanwhile (headless tabs never are).
  await page.evaluate("Object.defineProperty(document, 'hidden', { configurable: true, get: () => true }); document.dispatchEvent(new Event('visibilitychange'))");
  await signForm(form, 'quebec-resale');
  await form.close();
  await page.bringToFront();
  await page.evaluate("Object.defineProperty(document, 'hidden', { configurable: true, get: () => false }); document.dispatchEvent(new Event('visibilitychange'))");
  await page.locator('cert-status[region="QC"][state="exempt"]').waitFor({ timeout: 5000 });
  await page.locator('cert-status:not([region])').getByText('Quebec').waitFor({ timeout: 5000 });
  await context.close();
});

test('with both tabs open side by side, the account page notices the signed certificate by itself', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'C-1004');
  const link = page.locator('certexpress-link[region="OR"]');
  await link.getByRole('button', { name: 'Request certificate' }).click();
  await link.and(page.locator('[state="ready"]')).waitFor();
  const [form] = await Promise.all([context.waitForEvent('page'), link.getByRole('link').click()]);
  await signForm(form, 'oregon-resale');
  // No visibilitychange, no reload: the page watches the zone after its link was opened.
  await page.locator('cert-status[region="OR"][state="exempt"]').waitFor({ timeout: 20_000 });
  await page.locator('cert-status:not([region])').getByText('Oregon').waitFor({ timeout: 20_000 });
  await form.close();
  await context.close();
});

test('nothing is asked once the elements are gone, even while a link is being watched', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'C-1002');
  const link = page.locator('certexpress-link[region="WA"]');
  await link.getByRole('button', { name: 'Request certificate' }).click();
  await link.and(page.locator('[state="ready"]')).waitFor();
  const [form] = await Promise.all([context.waitForEvent('page'), link.getByRole('link').click()]);
  await form.close();
  const calls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/cert-api/')) calls.push(request.url());
  });
  await page.evaluate("document.querySelectorAll('cert-status, certexpress-link').forEach((el) => el.remove())");
  await new Promise((resolve) => setTimeout(resolve, 8000));
  assert.deepEqual(calls, []);
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
