/**
 * Browser checks of the shop page (`shop-page.ts`) served by a host framework: the token carries
 * the customer the page asked for, an invitation goes through, and a multipart upload reaches
 * the companion, each through the host's own routing and body parsers.
 */
import type { Browser } from 'playwright-core';
import { assert, check, waitForState } from './browser.ts';
import { tinyPdf, utcDay } from './files.ts';

export async function checkShopPage(browser: Browser, url: string): Promise<void> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  try {
    await page.goto(url);
    await check('the token is for the customer the page asked for (C-1002: expired)', async () => {
      await waitForState(page, '#status', 'expired');
    });
    await check('a CertExpress invitation goes through (JSON body)', async () => {
      await waitForState(page, '#missing', 'missing');
      await page.locator('certexpress-link').getByRole('button', { name: 'Request certificate' }).click();
      await waitForState(page, 'certexpress-link', 'ready');
    });
    await check('a certificate upload goes through (multipart body)', async () => {
      const status = await page.evaluate(
        async ({ pdf, signedDate }) => {
          const { token } = (await (await fetch('/cert-api/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"customerCode":"C-1005"}' })).json()) as { token: string };
          const form = new FormData();
          for (const [k, v] of Object.entries({ country: 'US', region: 'NV', exemptionReason: 'RESALE', signedDate })) form.append(k, v);
          form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'nv.pdf');
          return (await fetch('/cert-api/v1/certificates', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })).status;
        },
        { pdf: [...tinyPdf()], signedDate: utcDay(-2) },
      );
      assert(status === 201, `upload answered ${status}`);
    });
    await check('no page errors', async () => assert(errors.length === 0, errors.join('\n')));
  } finally {
    await page.close();
  }
}
