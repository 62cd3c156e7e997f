import { randomUUID } from 'node:crypto';
import type { EmailService, EmailServiceDeps, Message } from './messages.ts';

/**
 * The email service owns the welcome email: it alone serves SendWelcomeEmail, and it decides.
 * It refuses an address on its suppression list (the accounts service cannot see that list),
 * and it welcomes a user once however often the command arrives, because it remembers whom it
 * has welcomed.
 */
export function createEmailService({ bus, mailer, addressOf, suppressed }: EmailServiceDeps): EmailService {
  const welcomed = new Set<string>();
  const reply = (command: Message, type: string, extra: Record<string, string> = {}): Message => ({
    id: randomUUID(),
    type,
    key: command.key,
    causationId: command.id,
    data: { userId: command.data.userId!, ...extra },
  });
  return {
    async start() {
      await bus.serve(['SendWelcomeEmail'], (command) => {
        const userId = command.data.userId!;
        if (welcomed.has(userId)) return reply(command, 'WelcomeEmailSent');
        const to = addressOf(userId);
        if (suppressed.has(to.toLowerCase())) return reply(command, 'WelcomeEmailRefused', { reason: 'suppressed address' });
        mailer.send({ to, userId, template: 'welcome' });
        welcomed.add(userId);
        return reply(command, 'WelcomeEmailSent');
      });
    },
  };
}
