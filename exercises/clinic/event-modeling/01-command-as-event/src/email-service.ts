import type { EmailService, EmailServiceDeps } from './messages.ts';

/** The email service: every SendWelcomeEmail on the bus becomes a welcome email. */
export function createEmailService({ bus, mailer, addressOf }: EmailServiceDeps): EmailService {
  return {
    async start() {
      await bus.subscribe('email', ['SendWelcomeEmail'], (event) => {
        const userId = event.data.userId!;
        mailer.send({ to: addressOf(userId), userId, template: 'welcome' });
      });
    },
  };
}
