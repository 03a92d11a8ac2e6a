// AvaTax (and the sandbox) only hand out proper links, so a bad one cannot be produced over
// HTTP: this test feeds the invitation mapping a gateway answer directly.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { AvaTaxGateway } from '../../../src/server/avatax/client.js';
import type { AvaInvitation } from '../../../src/server/avatax/models.js';
import type { CustomerRecords } from '../../../src/server/domain/customers.js';
import type { Definitions } from '../../../src/server/domain/definitions.js';
import { InvitationService } from '../../../src/server/domain/invitations.js';
import type { StatusService } from '../../../src/server/domain/status.js';
import { memoryStore } from '../../../src/server/store/memory.js';

function serviceAnswering(invitation: AvaInvitation, logs: string[]): InvitationService {
  const gateway = { getInvitation: async () => invitation } as unknown as AvaTaxGateway;
  const stream = new Writable({ write: (chunk, _e, done) => (logs.push(String(chunk)), done()) });
  return new InvitationService({
    gateway,
    definitions: {} as Definitions,
    customers: {} as CustomerRecords,
    status: {} as StatusService,
    logger: pino(stream),
    now: () => new Date('2026-06-15T12:00:00Z'),
    reuseDays: 30,
    ratePerHour: 5,
    store: memoryStore(),
    timeoutMs: 1000,
  });
}

describe('invitation request links', () => {
  const base = { id: 7, customerCode: 'C-1', deliveryMethod: 'Download' as const, date: '2026-06-15T11:00:00' };

  test('a non-http(s) link is withheld, the invitation stays InProgress, and it is logged', async () => {
    for (const link of ['javascript:alert(1)', '/relative/path', 'ftp://files.example/x']) {
      const logs: string[] = [];
      const invitation = await serviceAnswering({ ...base, requestLink: link }, logs).get(1, 'C-1', 7);
      assert.equal(invitation.requestLink, null, link);
      assert.equal(invitation.status, 'InProgress', link);
      assert.equal(logs.length, 1, link);
    }
  });

  test('an https link makes a Download invitation Ready; timestamps without a zone are UTC', async () => {
    const invitation = await serviceAnswering({ ...base, requestLink: 'https://app.certexpress.example/x' }, []).get(1, 'C-1', 7);
    assert.equal(invitation.status, 'Ready');
    assert.equal(invitation.createdAt, '2026-06-15T11:00:00.000Z');
  });

  test("another customer's invitation is not found", async () => {
    await assert.rejects(serviceAnswering({ ...base, customerCode: 'C-2' }, []).get(1, 'C-1', 7), { code: 'not_found' });
  });
});
