/**
 * The frame of the Vite apps' tests (React, Vue): the demo companion on loopback, a production
 * build, `vite preview` passing /cert-api to the companion, and a Chromium page on the app;
 * everything is stopped afterwards. Page errors are collected for the caller to check.
 */
import { build, preview } from 'vite';
import type { Page } from 'playwright-core';
import { listen } from 'cert-elements/server';
import { demoCompanion } from './demo-companion.ts';
import { launchBrowser } from './browser.ts';

export async function withViteApp(root: string, checks: (page: Page, errors: string[]) => Promise<void>): Promise<void> {
  const { certServer, sandbox } = await demoCompanion();
  const companion = await listen(certServer);
  process.env['CERT_API_TARGET'] = companion.url; // read by the app's vite.config.ts
  await build({ root, logLevel: 'warn' });
  const site = await preview({ root, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const browser = await launchBrowser();
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  try {
    await page.goto(site.resolvedUrls!.local[0]!);
    await checks(page, errors);
  } finally {
    await browser.close();
    await new Promise<void>((done) => site.httpServer.close(() => done()));
    await companion.close();
    await sandbox.close();
  }
}
