import { claimFiled } from '../src/claim-filed/claim-filed.ts';
import { designRecord } from '../src/claim-filed/design-record.ts';
import type { FiledClaim } from '../src/claim-filed/filed-claim.ts';
import { filedClaims } from './support/domain-arbitraries.ts';
import { describeDesignRecord } from './support/design-record-spec.ts';
import { describeEventFactory } from './support/event-factory-spec.ts';
import { describeEventSchema } from './support/event-schema-spec.ts';
import type { EventVariant } from './support/event-variant.ts';
import { describeOutbox } from './support/outbox-spec.ts';

const variant: EventVariant<FiledClaim> = {
  eventType: 'ClaimFiled',
  commandType: 'FileClaim',
  inputName: 'claim',
  produce: claimFiled,
  designRecord,
  schemaFile: new URL('../src/claim-filed/claim-filed.schema.json', import.meta.url),
  inputs: filedClaims(),
  examples: [
    {
      claimId: 'clm_P1pe',
      policyId: 'pol_H0me',
      claimant: { customerId: 'cus_S0ren', fullName: 'Søren Müller', email: 'SOREN.MULLER+CLAIMS@EXAMPLE.DK', address: 'Rue de l’Église 4\nMontréal', cardNumber: '4000 0566 5566 5556' },
      incidentDescription: 'The pipe burst. Søren Müller, Rue de l’Église 4\nMontréal',
      // A withdrawn item (quantity 0) and an item claimed at no value.
      items: [{ itemCode: 'SOFA-1', quantity: 1, unitPriceCents: 125_999 }, { itemCode: 'RUG-22', quantity: 0, unitPriceCents: 40_000 }, { itemCode: 'LAMP-3', quantity: 2, unitPriceCents: 0 }],
      currency: 'KWD',
      filedAt: new Date('2026-10-25T00:59:59.500Z'),
    },
  ],
  personOf: (claim) => claim.claimant,
  pricedLinesOf: (claim) => claim.items,
  currencyOf: (claim) => claim.currency,
  occurredAtOf: (claim) => claim.filedAt,
  stableIdsOf: (claim) => ({ claimId: claim.claimId, policyId: claim.policyId, customerId: claim.claimant.customerId }),
};
const requiredDataFields = ['claimId', 'policyId', 'customerId', 'lines', 'totalCents', 'currency'];

describeEventFactory(variant);
describeEventSchema(variant, requiredDataFields);
describeDesignRecord(variant, requiredDataFields);
describeOutbox(variant);
