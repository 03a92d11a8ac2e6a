// A node:test reporter that writes only the totals, as JSON, for scripts/test.mjs to add up.
// Suites are not counted; a test that failed in a hook still counts as failed.
export default async function* countReporter(source) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { details, skip, todo } = event.data;
    if (details?.type === 'suite') {
      // A suite fails on its own only when a hook outside any test fails.
      if (event.type === 'test:fail' && details.error?.failureType === 'hookFailed') totals.failed++;
      continue;
    }
    if (skip || todo) totals.skipped++;
    else if (event.type === 'test:pass') totals.passed++;
    else totals.failed++;
  }
  yield JSON.stringify(totals) + '\n';
}
