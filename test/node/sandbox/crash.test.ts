/**
 * Crash safety of the journal: the sandbox is killed with SIGKILL in the middle of bursts of
 * mixed writes (the CLI with its defaults, and a process that takes snapshots all the time),
 * restarted, and every acknowledged write must be there; a journal torn at its tail is
 * recovered up to its last whole record and keeps working.
 */
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import type * as Models from 'avatax/lib/models/index.js';
import { exited, startCli, startScript, type RunningCli } from './cli-process.js';
import { model, sdk, startSandbox } from './support.js';
import { assertAcknowledgedPresent, newExpectations, writeUntilStopped } from './write-burst.js';

const CHILD = fileURLToPath(new URL('./sandbox-child.ts', import.meta.url));
const WRITERS = 4;

/** Runs the writers until `acknowledged` writes were answered, then kills the process mid-burst. */
async function burstThenKill(running: RunningCli, acknowledged: number, burst: string) {
  const expected = newExpectations();
  let stop = false;
  let total = 0;
  let finished = 0;
  const writers = Array.from({ length: WRITERS }, (_, w) =>
    writeUntilStopped(running.url, `${burst}${w}`, expected, () => stop).then((n) => {
      total += n;
      finished++;
    }),
  );
  // Kill once enough writes are in; the writers keep going until the process is gone.
  while (expected.customers.size * 6 < acknowledged) {
    if (finished === WRITERS) assert.fail(`the writers stopped before the kill:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  running.child.kill('SIGKILL');
  await exited(running.child);
  stop = true;
  await Promise.all(writers);
  assert.ok(total >= acknowledged / 2, `writes were acknowledged before the kill (${total})`);
  return expected;
}

describe('crash safety (SIGKILL during writes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cert-elements-crash-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every write acknowledged before a SIGKILL of the CLI', async () => {
    const file = join(dir, 'cli.data');
    const expected = await burstThenKill(await startCli(['--port', '0', '--data', file]), 120, 'a');
    const restarted = await startSandbox({ dataFile: file });
    try {
      await assertAcknowledgedPresent(restarted, expected);
    } finally {
      await restarted.close();
    }
  });

  it('keeps every acknowledged write when the kill lands while snapshots are being taken', async () => {
    const file = join(dir, 'compacting.data');
    // A tiny threshold: a snapshot after almost every flush, so the kill hits one in progress.
    const first = await burstThenKill(await startScript(CHILD, [file, '4096']), 90, 'b');
    assert.ok(readdirSync(dir).some((name) => /^compacting\.data\.journal-([2-9]|\d{2,})$/.test(name)), 'snapshots rotated the journal');
    const second = await burstThenKill(await startScript(CHILD, [file, '4096']), 90, 'c');
    const restarted = await startSandbox({ dataFile: file });
    try {
      await assertAcknowledgedPresent(restarted, first);
      await assertAcknowledgedPresent(restarted, second);
    } finally {
      await restarted.close();
    }
  });

  it('recovers a journal torn at its tail up to the last whole record', async () => {
    const file = join(dir, 'torn.data');
    const customer = (code: string) => model<Models.CustomerModel>({ customerCode: code, name: code, line1: '1 A St', city: 'Reno', region: 'NV', postalCode: '89501', country: 'US' });
    const first = await startSandbox({ dataFile: file });
    await sdk(first).createCustomers({ companyId: first.companyId, model: [customer('T-1')] });
    await sdk(first).createCustomers({ companyId: first.companyId, model: [customer('T-2')] });
    await first.close();
    const journal = join(dir, readdirSync(dir).find((name) => name.startsWith('torn.data.journal-')) as string);
    const whole = readFileSync(journal, 'utf8');
    // A crash in the middle of appending the next write: half a line, no newline.
    appendFileSync(journal, '{"ops":[{"put":"customer","value":{"id":99,"customerCode":"T-3","na');

    const logged: string[] = [];
    const second = await startSandbox({ dataFile: file, logger: (line) => logged.push(line) });
    try {
      const client = sdk(second);
      assert.equal((await client.getCustomer({ companyId: second.companyId, customerCode: 'T-2' })).name, 'T-2');
      await assert.rejects(client.getCustomer({ companyId: second.companyId, customerCode: 'T-3' }), (e: { code?: string }) => e.code === 'EntityNotFoundError');
      assert.ok(logged.some((line) => /cut short/.test(line)), 'the repair is reported');
      assert.equal(readFileSync(journal, 'utf8'), whole, 'the torn bytes are cut off');
      await client.createCustomers({ companyId: second.companyId, model: [customer('T-4')] });
    } finally {
      await second.close();
    }
    const third = await startSandbox({ dataFile: file });
    try {
      assert.equal((await sdk(third).getCustomer({ companyId: third.companyId, customerCode: 'T-4' })).name, 'T-4', 'writes after the repair persist');
    } finally {
      await third.close();
    }
  });
});
