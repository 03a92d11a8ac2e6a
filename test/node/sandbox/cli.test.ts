/** `cert-elements sandbox` as a process: start on a free port, help, bad usage, clean stop. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseSandboxArgs } from '../../../src/cli/sandbox-command.js';
import { exited, runCli, startCli } from './cli-process.js';

describe('cert-elements sandbox (CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cert-elements-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('starts on --port 0, prints URL, company and both credential forms, and stops on SIGTERM', async () => {
    const cli = await startCli(['--port', '0', '--invite-delay', '10', '--customers', '3']);
    try {
      const out = cli.output();
      assert.match(cli.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.match(out, /company id:\s+7000001/);
      assert.match(out, /accountId 2000000001 \/ licenseKey sandbox-license-key-0001/);
      assert.match(out, /username sandbox \/ password sandbox-password/);
      assert.match(out, /new Avatax\(\{.*environment: 'http:\/\/127\.0\.0\.1:\d+'/);
      const auth = `Basic ${Buffer.from('sandbox:sandbox-password').toString('base64')}`;
      const response = await fetch(`${cli.url}/api/v2/companies/7000001/customers/G-000003`, { headers: { authorization: auth } });
      assert.equal(response.status, 200);
      await response.arrayBuffer();
    } finally {
      cli.child.kill('SIGTERM');
    }
    assert.equal(await exited(cli.child), 0);
  });

  it('prints help and exits 0', async () => {
    const result = await runCli(['--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /Usage: cert-elements sandbox/);
    assert.match(result.stdout, /--invite-delay MS/);
  });

  for (const args of [['--port', 'abc'], ['--port', '70000'], ['--bogus'], ['--customers'], ['--seed', '1.5']]) {
    it(`refuses ${args.join(' ')} with one line and exit 2`, async () => {
      const result = await runCli(args);
      assert.equal(result.code, 2);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.match(result.stderr, /^cert-elements sandbox: /);
    });
  }

  it('refuses to start on a corrupt data file, exit 1, leaving the file untouched', async () => {
    const file = join(dir, 'corrupt.json');
    writeFileSync(file, '{"format": "cert-elements-sandbox", "version": 1, "state": ');
    const result = await runCli(['--port', '0', '--data', file]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Cannot use sandbox data file .*corrupt\.json: it is not valid JSON/);
  });

  it('parses --flag=value and defaults the port to 4010', () => {
    assert.deepEqual(parseSandboxArgs([]), { port: 4010 });
    assert.deepEqual(parseSandboxArgs(['--port=0', '--data=x.json', '--seed', '7', '--host', '::1']), {
      port: 0,
      dataFile: 'x.json',
      seed: 7,
      host: '::1',
    });
    assert.equal(parseSandboxArgs(['-h']), 'help');
  });
});
