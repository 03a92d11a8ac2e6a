/**
 * Steps through the demo that the end-to-end tests and the screenshot script both take, driving
 * Chromium with playwright-core the way a person would (sign-in cookie, the customer combobox).
 */
import type { APIRequestContext, Page } from 'playwright-core';

/** Signs `request`'s context in as `who`: a demo customer's code, or `staff` for the salesperson. */
export async function signIn(request: APIRequestContext, url: string, who: string): Promise<void> {
  const answer = await request.post(`${url}/demo-api/session`, { data: who === 'staff' ? { role: 'staff' } : { customerCode: who } });
  if (!answer.ok()) throw new Error(`sign-in as ${who}: HTTP ${answer.status()}`);
}

/** On order entry: types `typed` into the customer lookup and picks the result with `code` by keyboard. */
export async function chooseCustomer(page: Page, typed: string, code: string): Promise<void> {
  const field = page.getByRole('combobox', { name: 'Customer' });
  await field.pressSequentially(typed);
  await page.locator('customer-lookup').getByRole('option', { name: new RegExp(code) }).waitFor();
  await field.press('ArrowDown');
  await field.press('Enter');
  await page.locator('customer-lookup[state="selected"]').waitFor();
}
