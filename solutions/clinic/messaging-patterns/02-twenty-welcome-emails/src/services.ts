import type { Services } from './service-api.ts';
import type { UserSignedUp } from './sign-up.ts';

const signUp = (value: string) => JSON.parse(value) as UserSignedUp;

/**
 * The welcome email has one owner, the email service: its consumer group is the only reader
 * of user-signed-up that sends it, and its instances share the partitions, so each sign-up
 * reaches one of them. The other teams keep their own work and send nothing; what they
 * wanted to say belongs in the one template (by plan, here).
 *
 * A delivery can come again (the provider's answer lost, an instance gone before its commit),
 * so the email carries the sign-up's event id as the provider's idempotency key: every copy
 * of one sign-up asks for the same email, and the provider sends it once.
 */
export const services: Services = {
  email: {
    userSignedUp: async (value, context) => {
      const event = signUp(value);
      await context.sendEmail({ to: event.email, template: event.plan === 'pro' ? 'welcome-pro' : 'welcome', idempotencyKey: `welcome-${event.eventId}` });
    },
  },
  onboarding: {
    userSignedUp: async (value, context) => {
      await context.doOwnWork(signUp(value).userId);
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
