import type { BusMessage, MessageBus } from '#graders/testkit/bus/message-bus.ts';

/** Every message between the accounts and email services carries flat string fields. */
export type Data = Record<string, string>;
export type Message = BusMessage<Data>;
/** The course's message bus: events (publish, subscribe), commands and replies (send, serve, onReply). */
export type Bus = MessageBus<Data>;

/** Someone who has just created an account. */
export interface NewUser {
  userId: string;
  plan: 'free' | 'pro' | 'team';
}

/**
 * What the accounts service knows about a user's welcome email: asked for and not yet
 * answered, sent, or refused by the email service.
 */
export type WelcomeOutcome = 'requested' | 'sent' | 'refused';

/** The accounts service as the sign-up form and the tests call it; keep this shape. */
export interface Accounts {
  /** Subscribes or listens for whatever the service needs; called once, before any sign-up. */
  start(): Promise<void>;
  /** Records that a user signed up and sets the welcome email going. */
  signUp(user: NewUser): Promise<void>;
  /** The user's welcome email as far as the accounts service knows, or undefined for a stranger. */
  welcomeOutcome(userId: string): WelcomeOutcome | undefined;
}

/** The mail provider's client: one call is one email in someone's inbox. */
export interface Mailer {
  send(mail: { to: string; userId: string; template: 'welcome' }): void;
}

/** What the email service owns: the mail provider, the suppression list and the address book. */
export interface EmailServiceDeps {
  bus: Bus;
  mailer: Mailer;
  /** The address to write to, looked up by user id from the accounts service's API. */
  addressOf(userId: string): string;
  /** Addresses that bounced or complained, lower case: nobody may email them again. */
  suppressed: ReadonlySet<string>;
}

/** The email service; keep this shape. */
export interface EmailService {
  /** Subscribes or serves whatever the service needs; called once, before any sign-up. */
  start(): Promise<void>;
}
