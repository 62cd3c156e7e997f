import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { serviceNames } from '../src/service-api.ts';
import type { UserSignedUp } from '../src/sign-up.ts';
import { platform, type Platform } from './support/platform.ts';

// One platform (topics and group names) per test: a group that one test leaves behind never
// hands its committed positions to the next.
let shop: Platform | undefined;
afterAll(async () => {
  await shop?.[Symbol.asyncDispose]();
});

async function fresh(label: string): Promise<Platform> {
  await shop?.[Symbol.asyncDispose]();
  shop = await platform(label);
  return shop;
}

/** The services with work of their own for a new user (the email service has none but the email). */
const teamsWithOwnWork = ['onboarding', 'marketing', 'crm'] as const;
const once = (users: readonly UserSignedUp[]) => users.map(() => 1);
const callersOf = (shop: Platform) => [...new Set(shop.calls.map((call) => call.service))];

describe('welcoming a new user', () => {
  it('sends each new user one welcome email, from one service, while every service still does its own work', async () => {
    const shop = await fresh('welcome-two-each');
    await shop.start(2);
    await shop.ready();
    const users = await shop.signUp(6);
    await shop.settle();
    expect(shop.emailsTo(users), 'welcome emails each new user received').toEqual(once(users));
    expect(callersOf(shop), 'services that called the email provider').toHaveLength(1);
    for (const service of teamsWithOwnWork) {
      expect(shop.ownWork(service, users), `how often ${service} did its own work for each new user`).toEqual(once(users));
    }
  });

  it('sends one welcome email when the provider\'s answer is lost and the message comes again', async () => {
    const shop = await fresh('welcome-lost-answer');
    await shop.start(1);
    await shop.ready();
    const [first, ...others] = await shop.signUp(3, (users) => shop.loseNextAnswerTo(users[0]!.email));
    await shop.settle();
    const all = [first!, ...others];
    expect(shop.calls.filter((call) => call.to === first!.email).length, 'calls to the provider for the user whose answer was lost').toBeGreaterThanOrEqual(2);
    expect(shop.emailsTo(all), 'welcome emails each new user received').toEqual(once(all));
  });

  it('sends each new user one welcome email while instances join and leave mid-stream', async () => {
    const shop = await fresh('welcome-rebalance');
    await shop.start(1);
    await shop.ready();
    // Nothing is settled between the steps: members join and leave while sign-ups are still
    // being handled, so a message handled but not yet committed can reach another member.
    const before = await shop.signUp(3);
    await shop.start(1);
    const joined = await shop.signUp(3);
    await shop.ready();
    for (const service of serviceNames) await shop.stop(`${service}-1`);
    const left = await shop.signUp(3);
    await shop.settle();
    const all = [...before, ...joined, ...left];
    expect(shop.emailsTo(all), 'welcome emails each new user received, before, during and after the rebalances').toEqual(once(all));
  });

  it('sends each new user one welcome email, whichever of the provider\'s answers are lost', async () => {
    // One platform for every generated case: each case signs up users of its own.
    const shop = await fresh('welcome-generated');
    await shop.start(2);
    await shop.ready();
    await assertProperty(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), async (answersLost) => {
        const users = await shop.signUp(answersLost.length, (users) => {
          for (const [n, lost] of answersLost.entries()) if (lost) shop.loseNextAnswerTo(users[n]!.email);
        });
        await shop.settle();
        expect(shop.emailsTo(users), `welcome emails per user, answers lost: ${JSON.stringify(answersLost)}`).toEqual(once(users));
        expect(callersOf(shop), 'services that called the email provider').toHaveLength(1);
      }),
      { numRuns: 6 },
    );
  });
});
