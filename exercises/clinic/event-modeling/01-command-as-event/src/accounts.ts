import { randomUUID } from 'node:crypto';
import type { Accounts, Bus, WelcomeOutcome } from './messages.ts';

/**
 * The accounts service. The system is event-driven, so a new account goes out as an event
 * on the bus: SendWelcomeEmail, which the email service picks up.
 */
export function createAccounts(bus: Bus): Accounts {
  const outcomes = new Map<string, WelcomeOutcome>();
  return {
    async start() {},
    async signUp(user) {
      await bus.publish({ id: randomUUID(), type: 'SendWelcomeEmail', key: user.userId, data: { userId: user.userId, plan: user.plan } });
      // An event gets no answer: once it is published, all we know is that we asked.
      outcomes.set(user.userId, 'requested');
    },
    welcomeOutcome(userId) {
      return outcomes.get(userId);
    },
  };
}
