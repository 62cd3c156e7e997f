import { randomUUID } from 'node:crypto';
import type { Accounts, Bus, WelcomeOutcome } from './messages.ts';

/**
 * Choreography: the accounts service publishes only the fact, UserSignedUp, and asks for
 * nothing. The email service reacts to the fact as it sees fit and publishes its own facts,
 * WelcomeEmailSent or WelcomeEmailRefused, which the accounts service follows.
 */
export function createAccounts(bus: Bus): Accounts {
  const outcomes = new Map<string, WelcomeOutcome>();
  return {
    async start() {
      await bus.subscribe('accounts', ['WelcomeEmailSent', 'WelcomeEmailRefused'], (event) => {
        const userId = event.data.userId;
        if (userId === undefined || !outcomes.has(userId)) return;
        outcomes.set(userId, event.type === 'WelcomeEmailSent' ? 'sent' : 'refused');
      });
    },
    async signUp(user) {
      outcomes.set(user.userId, 'requested');
      await bus.publish({ id: randomUUID(), type: 'UserSignedUp', key: user.userId, data: { userId: user.userId, plan: user.plan } });
    },
    welcomeOutcome(userId) {
      return outcomes.get(userId);
    },
  };
}
