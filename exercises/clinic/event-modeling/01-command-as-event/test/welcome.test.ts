import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliverySchedules } from '#graders/testkit/bus/delivery-schedule.ts';
import { type Finding, nameFindings } from '#graders/testkit/events/event-names.ts';
import { formatSteps } from '#graders/testkit/harness/timeline.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { ana, bo, cy, type Person, samplePeople, welcomeWorld } from './support/world.ts';

const readFinding = (finding: Finding) => `${finding.problem}; ${finding.fix}`;

const ids = (people: Person[]) => people.map((person) => person.userId).sort();
const senders = (world: Awaited<ReturnType<typeof welcomeWorld>>, person: Person) => world.welcomesTo(person).map((mail) => mail.sender);

describe('signing up', () => {
  it('publishes UserSignedUp for every sign-up, to analytics and onboarding alike', async () => {
    const world = await welcomeWorld();
    await world.signUpAndDeliver(samplePeople());
    expect([...world.signedUpSeenBy.analytics].sort()).toEqual(ids(samplePeople()));
    expect([...world.signedUpSeenBy.onboarding].sort()).toEqual(ids(samplePeople()));
  });

  it('publishes from the accounts service one fact per sign-up, UserSignedUp, and no request for an action', async () => {
    const world = await welcomeWorld();
    await world.signUpAndDeliver(samplePeople());
    expect(world.accountsPublished.map((event) => event.type)).toEqual(['UserSignedUp', 'UserSignedUp', 'UserSignedUp']);
    const published = [...world.bus.flows()].filter(([, flow]) => flow.producers.size > 0).map(([type]) => type);
    expect(published.flatMap(nameFindings).map(readFinding)).toEqual([]);
  });

  it('sends each welcome from the email service alone, so a second subscriber on the bus sends none', async () => {
    const world = await welcomeWorld();
    await world.signUpAndDeliver(samplePeople());
    expect(senders(world, ana)).toEqual(['email service']);
    expect(senders(world, cy)).toEqual(['email service']);
    expect(world.mails.filter((mail) => mail.sender === 'crm')).toEqual([]);
  });
});

describe('the welcome email, decided by the email service', () => {
  it('is refused for a suppressed address, and the accounts service learns of the refusal', async () => {
    const world = await welcomeWorld();
    await world.signUpAndDeliver(samplePeople());
    expect(world.welcomesTo(bo)).toEqual([]);
    expect(world.accounts.welcomeOutcome(bo.userId)).toBe('refused');
    expect(world.accounts.welcomeOutcome(ana.userId)).toBe('sent');
    expect(world.accounts.welcomeOutcome(cy.userId)).toBe('sent');
  });

  it('goes out once when every message is delivered twice', async () => {
    const world = await welcomeWorld();
    // Every event and command reaches its recipient twice: at-least-once delivery.
    world.bus.duplicateWhen((_message, channel) => channel !== 'reply');
    await world.signUpAndDeliver(samplePeople());
    expect(senders(world, ana)).toEqual(['email service']);
    expect(senders(world, cy)).toEqual(['email service']);
    expect(world.accounts.welcomeOutcome(ana.userId)).toBe('sent');
  });
});

const arbitraryPeople = fc
  .uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 5 })
  .chain((numbers) =>
    fc.tuple(
      fc.constant(numbers.map((n): Person => ({ userId: `u-${n}`, plan: (['free', 'pro', 'team'] as const)[n % 3]!, email: `user${n}@example.org` }))),
      fc.array(fc.boolean(), { minLength: numbers.length, maxLength: numbers.length }),
    ),
  );

describe('sign-ups under at-least-once delivery', () => {
  it('welcomes every unsuppressed user once, refuses every suppressed one, and counts every sign-up', async () => {
    await assertProperty(
      fc.asyncProperty(arbitraryPeople, deliverySchedules({ lossPercent: 0, duplicatePercent: 20 }), async ([people, flags], schedule) => {
        const suppressed = people.filter((_, i) => flags[i]);
        const world = await welcomeWorld(people, suppressed.map((person) => person.email));
        await world.signUpAndDeliver(people, schedule);
        const story = `\n${formatSteps(world.bus.timeline.entries)}`;
        expect([...world.signedUpSeenBy.analytics].sort(), `analytics missed a sign-up${story}`).toEqual(ids(people));
        for (const person of people) {
          const refused = suppressed.includes(person);
          expect(senders(world, person), `welcome emails to ${person.userId}${refused ? ' (suppressed)' : ''}${story}`).toEqual(refused ? [] : ['email service']);
          expect(world.accounts.welcomeOutcome(person.userId), `welcome outcome of ${person.userId}${story}`).toBe(refused ? 'refused' : 'sent');
        }
      }),
      { numRuns: 60 },
    );
  });
});
