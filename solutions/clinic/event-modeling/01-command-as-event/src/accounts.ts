import { randomUUID } from 'node:crypto';
import type { Accounts, Bus, WelcomeOutcome } from './messages.ts';

/**
 * The accounts service states what happened, UserSignedUp, for anyone who cares (analytics,
 * onboarding, whoever comes next), and asks for what it wants done, SendWelcomeEmail, as a
 * command to the one service that owns email. The email service may refuse, and says so in
 * its reply.
 */
export function createAccounts(bus: Bus): Accounts {
  const outcomes = new Map<string, WelcomeOutcome>();
  return {
    async start() {
      await bus.onReply((reply) => {
        const userId = reply.data.userId;
        if (userId === undefined || !outcomes.has(userId)) return;
        if (reply.type === 'WelcomeEmailSent') outcomes.set(userId, 'sent');
        if (reply.type === 'WelcomeEmailRefused') outcomes.set(userId, 'refused');
      });
    },
    async signUp(user) {
      outcomes.set(user.userId, 'requested');
      const signedUp = { id: randomUUID(), type: 'UserSignedUp', key: user.userId, data: { userId: user.userId, plan: user.plan } };
      await bus.publish(signedUp);
      await bus.send({ id: randomUUID(), type: 'SendWelcomeEmail', key: user.userId, causationId: signedUp.id, data: { userId: user.userId } });
    },
    welcomeOutcome(userId) {
      return outcomes.get(userId);
    },
  };
}
