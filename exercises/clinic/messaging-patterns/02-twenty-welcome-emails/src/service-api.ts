/** The services that read user-signed-up (twenty in production; four here). */
export const serviceNames = ['email', 'onboarding', 'marketing', 'crm'] as const;
export type ServiceName = (typeof serviceNames)[number];

/** The topics of the platform, by what travels on them. */
export interface Topics {
  userSignedUp: string;
  sendWelcomeEmail: string;
}
export type TopicName = keyof Topics;

/** One email, as the email provider's API takes it. */
export interface Email {
  to: string;
  /** The template the provider renders, e.g. "welcome". */
  template: string;
  /**
   * The provider sends at most one email per key (it remembers keys for 30 days): a second
   * call with a key it has seen is answered as the first was, and nothing more is sent.
   */
  idempotencyKey?: string;
}

/** What the platform hands a service's handlers, one context per running instance. */
export interface ServiceContext {
  service: ServiceName;
  /** This instance's name within its service, e.g. "email-2". */
  instance: string;
  topics: Topics;
  /** The email provider. It may fail after sending (the answer lost on the way back). */
  sendEmail(email: Email): Promise<void>;
  /** The service's producer: puts one message on a topic, keyed for its partition. */
  publish(topic: string, message: { key: string; value: string }): Promise<void>;
  /**
   * The service's own work for a new user (onboarding's checklist, marketing's list entry,
   * the CRM contact): the tests count it, so keep calling it where the service does its work.
   */
  doOwnWork(userId: string): Promise<void>;
}

/** What one service does with a message on one of the topics it reads. */
export type Handler = (value: string, context: ServiceContext) => Promise<void>;

/**
 * Each service's handlers, by topic. The platform runs every service in a consumer group of
 * its own (all its instances share it), subscribed to the topics it has a handler for; a
 * message is committed once its handler resolves, and delivered again when it throws.
 */
export type Services = Record<ServiceName, Partial<Record<TopicName, Handler>>>;
