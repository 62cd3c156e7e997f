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
