import fc from 'fast-check';
import { awkwardPerson } from '#graders/testkit/harness/personal-data.ts';
import { currencyCode, pricedLines } from '#graders/testkit/harness/money.ts';
import type { Cause } from '../../src/cause.ts';
import type { PlacedOrder } from '../../src/order-placed/placed-order.ts';
import type { FiledClaim } from '../../src/claim-filed/filed-claim.ts';
import type { SignUp } from '../../src/user-signed-up/sign-up.ts';

const code = (prefix: string) => fc.stringMatching(new RegExp(`^${prefix}_[0-9A-Za-z]{4,12}$`));
// Whole milliseconds between 1970 and 2100: every instant JavaScript can print in ISO-8601.
const instant = fc.date({ min: new Date(0), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
const lineCode = fc.stringMatching(/^[A-Z]{2,4}-[0-9]{1,6}$/);

/** The command behind an event, with the flow it belongs to. */
export function causes(): fc.Arbitrary<Cause> {
  return fc.record({ commandId: fc.uuid(), correlationId: fc.uuid() });
}

/** Orders as checkout holds them, with awkward customers, currencies and lines. */
export function placedOrders(): fc.Arbitrary<PlacedOrder> {
  return fc.record({
    orderId: code('ord'),
    customer: awkwardPerson().chain((person) => code('cus').map((customerId) => ({ customerId, ...person }))),
    lines: pricedLines().chain((priced) =>
      fc.tuple(...priced.map((line) => lineCode.map((sku) => ({ sku, ...line })))),
    ),
    currency: currencyCode(),
    placedAt: instant,
  });
}

/** Claims as intake holds them; the claimant's free text often repeats their personal data. */
export function filedClaims(): fc.Arbitrary<FiledClaim> {
  return fc
    .record({
      claimId: code('clm'),
      policyId: code('pol'),
      claimant: awkwardPerson().chain((person) => code('cus').map((customerId) => ({ customerId, ...person }))),
      items: pricedLines().chain((priced) =>
        fc.tuple(...priced.map((line) => lineCode.map((itemCode) => ({ itemCode, ...line })))),
      ),
      currency: currencyCode(),
      filedAt: instant,
      story: fc.constantFrom('The pipe burst', 'Stolen from the car', 'Hail damage 🌨️'),
    })
    .map(({ story, ...claim }) => ({
      ...claim,
      incidentDescription: `${story}. ${claim.claimant.fullName}, ${claim.claimant.address}`,
    }));
}

/** Sign-ups on paid plans, with secrets and personal data next to the plan. */
export function signUps(): fc.Arbitrary<SignUp> {
  return fc.record({
    userId: code('usr'),
    user: awkwardPerson(),
    passwordHash: fc.stringMatching(/^\$argon2id\$v=19\$m=65536,t=3,p=4\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/),
    plan: fc.record({
      planId: fc.constantFrom('team', 'business', 'enterprise'),
      lines: pricedLines().chain((priced) =>
        fc.tuple(...priced.map((line) => fc.constantFrom('seat', 'sso', 'audit-log', 'extra-storage').map((item) => ({ item, ...line })))),
      ),
    }),
    currency: currencyCode(),
    signedUpAt: instant,
  });
}
