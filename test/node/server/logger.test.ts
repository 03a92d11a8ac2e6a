// The companion's logger needs no Node-only module: the default writes pino-style JSON lines
// through `console`, and any host logger with info/warn/error gets redacted records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consoleJsonLogger, type HostLogger } from '../../../src/server/index.js';
import { createLogger } from '../../../src/server/logging.js';

test('the default logger writes one pino-style JSON line per record through console.log', (t) => {
  const lines: string[] = [];
  t.mock.method(console, 'log', (line: string) => void lines.push(line));
  createLogger(undefined).warn({ reqId: 'r1', status: 503 }, 'request');
  consoleJsonLogger('other').error({ a: 1 }, 'boom');
  const [first, second] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual({ ...first, time: 0 }, { level: 40, time: 0, name: 'cert-elements', reqId: 'r1', status: 503, msg: 'request' });
  assert.equal(second?.['level'], 50);
  assert.equal(second?.['name'], 'other');
});

test('a host logger without pino gets a child when it can, and never a secret', () => {
  const seen: { bindings?: object; records: object[] } = { records: [] };
  const host: HostLogger = {
    info: (record) => void seen.records.push(record),
    warn() {},
    error() {},
    child(bindings) {
      seen.bindings = bindings;
      return this;
    },
  };
  createLogger(host).info({ headers: { Authorization: 'Bearer abc' }, nested: [{ token: 't', licenseKey: 'k' }], ok: 1 }, 'x');
  assert.deepEqual(seen.bindings, { component: 'cert-elements' });
  assert.deepEqual(seen.records[0], { headers: { Authorization: '[redacted]' }, nested: [{ token: '[redacted]', licenseKey: '[redacted]' }], ok: 1 });
});

test('false silences it', (t) => {
  const log = t.mock.method(console, 'log', () => {});
  createLogger(false).error({}, 'x');
  assert.equal(log.mock.callCount(), 0);
});
