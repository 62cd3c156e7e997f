import { afterAll, beforeAll, describe, it } from 'vitest';
import { ledgerWorld, type LedgerWorld } from './support/ledger-world.ts';

// Your reproduction: the smallest test that fails on the ledger service as shipped and passes
// once it is repaired. world.scenario() gives fresh topics; on it, publish(), startService(stage)
// (a process that dies or stalls where the stage says), creditsUntil() and ledgerRows().
let world: LedgerWorld;
beforeAll(async () => {
  world = await ledgerWorld('clinic_kafka_eos_reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped ledger service', () => {
  it.todo('TODO: reproduce the payment credited twice with exactly-once switched on');
});
