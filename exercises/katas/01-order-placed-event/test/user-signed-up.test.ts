import { userSignedUp } from '../src/user-signed-up/user-signed-up.ts';
import { designRecord } from '../src/user-signed-up/design-record.ts';
import type { SignUp } from '../src/user-signed-up/sign-up.ts';
import { signUps } from './support/domain-arbitraries.ts';
import { describeDesignRecord } from './support/design-record-spec.ts';
import { describeEventFactory } from './support/event-factory-spec.ts';
import { describeEventSchema } from './support/event-schema-spec.ts';
import type { EventVariant } from './support/event-variant.ts';
import { describeOutbox } from './support/outbox-spec.ts';

const variant: EventVariant<SignUp> = {
  eventType: 'UserSignedUp',
  commandType: 'SignUpUser',
  inputName: 'sign-up',
  produce: userSignedUp,
  designRecord,
  schemaFile: new URL('../src/user-signed-up/user-signed-up.schema.json', import.meta.url),
  inputs: signUps(),
  examples: [
    {
      userId: 'usr_N3w1',
      user: { fullName: "D'Arcy O'Brien-Smith", email: 'Darcy+Team@Example.org', address: 'Calle Ñandú 9, São Paulo', cardNumber: '3782 8224 6310 0050' },
      passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$RdescudvJCsgt3ub+b+dWRWJTmaaJObG2q8Z6M1yQv0',
      plan: {
        planId: 'team',
        // A declined add-on (quantity 0) and a free one.
        lines: [{ item: 'seat', quantity: 5, unitPriceCents: 1_200 }, { item: 'sso', quantity: 0, unitPriceCents: 5_000 }, { item: 'audit-log', quantity: 1, unitPriceCents: 0 }],
      },
      currency: 'TND',
      signedUpAt: new Date('2026-02-28T23:00:00.000Z'),
    },
  ],
  secretsOf: (signUp) => [signUp.passwordHash],
  personOf: (signUp) => signUp.user,
  pricedLinesOf: (signUp) => signUp.plan.lines,
  currencyOf: (signUp) => signUp.currency,
  occurredAtOf: (signUp) => signUp.signedUpAt,
  stableIdsOf: (signUp) => ({ userId: signUp.userId, planId: signUp.plan.planId }),
};
const requiredDataFields = ['userId', 'planId', 'lines', 'totalCents', 'currency'];

describeEventFactory(variant);
describeEventSchema(variant, requiredDataFields);
describeDesignRecord(variant, requiredDataFields);
describeOutbox(variant);
