import { randomUUID } from 'node:crypto';
import type { EmailService, EmailServiceDeps, Message } from './messages.ts';

/**
 * The email service decides on its own whom to welcome when it learns that a user signed up:
 * not a suppressed address, and nobody twice. What it did, it publishes as a fact.
 */
export function createEmailService({ bus, mailer, addressOf, suppressed }: EmailServiceDeps): EmailService {
  const decided = new Map<string, 'WelcomeEmailSent' | 'WelcomeEmailRefused'>();
  const fact = (cause: Message, type: string): Message => ({ id: randomUUID(), type, key: cause.key, causationId: cause.id, data: { userId: cause.data.userId! } });
  return {
    async start() {
      await bus.subscribe('email', ['UserSignedUp'], async (signedUp) => {
        const userId = signedUp.data.userId!;
        let outcome = decided.get(userId);
        if (outcome === undefined) {
          const to = addressOf(userId);
          outcome = suppressed.has(to.toLowerCase()) ? 'WelcomeEmailRefused' : 'WelcomeEmailSent';
          if (outcome === 'WelcomeEmailSent') mailer.send({ to, userId, template: 'welcome' });
          decided.set(userId, outcome);
        }
        await bus.publish(fact(signedUp, outcome));
      });
    },
  };
}
