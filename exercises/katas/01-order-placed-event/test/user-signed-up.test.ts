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
