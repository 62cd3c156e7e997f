import type { Services } from './service-api.ts';
import type { SendWelcomeEmail, UserSignedUp } from './sign-up.ts';

const signUp = (value: string) => JSON.parse(value) as UserSignedUp;

/**
 * Onboarding decides that a new user is welcomed and tells the email service so, with a
 * SendWelcomeEmail command on a topic only the email service reads: one sender, one owner
 * of the decision. The other teams keep their own work and send nothing.
 *
 * Either hop can deliver twice, so the command carries the sign-up's event id, and the
 * email service uses it as the provider's idempotency key: a second command for one sign-up
 * asks for the same email.
 */
export const services: Services = {
  email: {
    sendWelcomeEmail: async (value, context) => {
      const command = JSON.parse(value) as SendWelcomeEmail;
      await context.sendEmail({ to: command.email, template: command.plan === 'pro' ? 'welcome-pro' : 'welcome', idempotencyKey: `welcome-${command.signUpEventId}` });
    },
  },
  onboarding: {
    userSignedUp: async (value, context) => {
      const event = signUp(value);
      await context.doOwnWork(event.userId);
      const command: SendWelcomeEmail = { type: 'SendWelcomeEmail', signUpEventId: event.eventId, userId: event.userId, email: event.email, plan: event.plan };
      await context.publish(context.topics.sendWelcomeEmail, { key: event.userId, value: JSON.stringify(command) });
    },
  },
  marketing: {
    userSignedUp: async (value, context) => {
      await context.doOwnWork(signUp(value).userId);
    },
  },
  crm: {
    userSignedUp: async (value, context) => {
      await context.doOwnWork(signUp(value).userId);
    },
  },
};
