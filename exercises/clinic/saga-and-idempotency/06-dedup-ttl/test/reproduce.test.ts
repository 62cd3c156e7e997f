import { afterAll, beforeAll, describe, it } from 'vitest';
import { ledgerWorld, type LedgerWorld } from './support/ledger.ts';

// Your reproduction: the smallest test that fails on the consumer as shipped and passes once
// it is repaired. The helpers in ./support/ledger.ts make a wallet service, a payment event,
// and move time on (world.passTime) the way the service's housekeeping sees it.
let world: LedgerWorld;
beforeAll(async () => {
  world = await ledgerWorld('clinic_dedup_ttl_reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped ledger consumer', () => {
  it.todo('TODO: reproduce the double credit the support team reported');
});
