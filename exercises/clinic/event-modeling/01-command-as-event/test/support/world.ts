import type { DeliverySchedule } from '#graders/testkit/bus/delivery-schedule.ts';
import { formatSteps } from '#graders/testkit/harness/timeline.ts';
import { InMemoryBus } from '#graders/testkit/bus/in-memory-bus.ts';
import { createAccounts } from '../../src/accounts.ts';
import { createEmailService } from '../../src/email-service.ts';
import type { Accounts, Bus, Data, Message, NewUser } from '../../src/messages.ts';

/** A user as the tests know them: who signs up, and the address the accounts API returns for them. */
export interface Person extends NewUser {
  email: string;
}

/** One email that left the building, and which service sent it. */
export interface Mail {
  to: string;
  userId: string;
  sender: 'email service' | 'crm';
}

/** Three people; Bo's address bounced last year and is on the email service's suppression list. */
export const ana: Person = { userId: 'u-ana', plan: 'pro', email: 'ana@example.org' };
export const bo: Person = { userId: 'u-bo', plan: 'free', email: 'bo@example.net' };
export const cy: Person = { userId: 'u-cy', plan: 'team', email: 'cy@example.com' };
export const samplePeople = (): Person[] => [ana, bo, cy];
export const sampleSuppressed = (): string[] => [bo.email];

/**
 * The accounts and email services on one in-memory bus, with the other services that listen
 * there: analytics and onboarding, which count sign-ups from UserSignedUp, and the CRM, whose
 * team subscribed its own welcome journey to SendWelcomeEmail events long ago and never left.
 */
export interface WelcomeWorld {
  bus: InMemoryBus<Data>;
  accounts: Accounts;
  /** Every event the accounts service itself published, in order. */
  accountsPublished: Message[];
  /** User ids each consumer of UserSignedUp has seen (a redelivery counts once). */
  signedUpSeenBy: { analytics: Set<string>; onboarding: Set<string> };
  mails: Mail[];
  /** Signs every person up, in order, then lets the bus deliver everything (the schedule first). */
  signUpAndDeliver(people: Person[], schedule?: DeliverySchedule): Promise<void>;
  /** The welcome emails a person received, from any sender. */
  welcomesTo(person: Person): Mail[];
}

export async function welcomeWorld(people: Person[] = samplePeople(), suppressed: string[] = sampleSuppressed()): Promise<WelcomeWorld> {
  const bus = new InMemoryBus<Data>({ outsideProducer: 'accounts' });
  const accountsPublished: Message[] = [];
  // The accounts service's own view of the bus: the same bus, with its publishes recorded.
  const accountsBus: Bus = {
    publish: async (event) => {
      accountsPublished.push(event);
      await bus.publish(event);
    },
    subscribe: (subscriber, types, handler) => bus.subscribe(subscriber, types, handler),
    send: (command) => bus.send(command),
    serve: (types, handler, options) => bus.serve(types, handler, options),
    onReply: (handler) => bus.onReply(handler),
  };
  const addresses = new Map(people.map((person) => [person.userId, person.email]));
  const mails: Mail[] = [];
  const accounts = createAccounts(accountsBus);
  const email = createEmailService({
    bus,
    mailer: { send: ({ to, userId }) => void mails.push({ to, userId, sender: 'email service' }) },
    addressOf: (userId) => {
      const address = addresses.get(userId);
      if (address === undefined) throw new Error(`The accounts API knows no user ${userId}: look addresses up by the id the user signed up with.`);
      return address;
    },
    suppressed: new Set(suppressed.map((address) => address.toLowerCase())),
  });
  await accounts.start();
  await email.start();
  const signedUpSeenBy = { analytics: new Set<string>(), onboarding: new Set<string>() };
  for (const consumer of ['analytics', 'onboarding'] as const) {
    await bus.subscribe(consumer, ['UserSignedUp'], (event) => void signedUpSeenBy[consumer].add(event.data.userId ?? '(no userId)'));
  }
  await bus.subscribe('crm', ['SendWelcomeEmail'], (event) => {
    const userId = event.data.userId ?? '(no userId)';
    mails.push({ to: addresses.get(userId) ?? '(unknown)', userId, sender: 'crm' });
  });
  return {
    bus,
    accounts,
    accountsPublished,
    signedUpSeenBy,
    mails,
    async signUpAndDeliver(toSignUp, schedule = []) {
      for (const person of toSignUp) await accounts.signUp({ userId: person.userId, plan: person.plan });
      const end = await bus.run(schedule, { maxDeliveries: 1_000 });
      if (end !== 'quiet') throw new Error(`The bus did not settle (${end}): something keeps sending messages.\n${formatSteps(bus.timeline.entries)}`);
    },
    welcomesTo(person) {
      return mails.filter((mail) => mail.userId === person.userId);
    },
  };
}
