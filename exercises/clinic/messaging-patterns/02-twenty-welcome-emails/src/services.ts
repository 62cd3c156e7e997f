import type { Services } from './service-api.ts';
import type { UserSignedUp } from './sign-up.ts';

const signUp = (value: string) => JSON.parse(value) as UserSignedUp;

/**
 * Every team that cares about new users subscribes to user-signed-up, and every one of them
 * welcomes the user in its own words: the platform is event-driven, so each team reacts to
 * the event on its own, and nobody has to coordinate.
 */
export const services: Services = {
  email: {
    userSignedUp: async (value, context) => {
      const event = signUp(value);
      await context.sendEmail({ to: event.email, template: 'welcome' });
    },
  },
  onboarding: {
    userSignedUp: async (value, context) => {
      const event = signUp(value);
      await context.doOwnWork(event.userId);
      await context.sendEmail({ to: event.email, template: 'welcome-getting-started' });
    },
  },
  marketing: {
    userSignedUp: async (value, context) => {
      const event = signUp(value);
      await context.doOwnWork(event.userId);
      await context.sendEmail({ to: event.email, template: event.plan === 'pro' ? 'welcome-pro-offer' : 'welcome-offer' });
    },
  },
  crm: {
    userSignedUp: async (value, context) => {
      const event = signUp(value);
      await context.doOwnWork(event.userId);
      await context.sendEmail({ to: event.email, template: 'welcome-from-your-account-manager' });
    },
  },
};
