/** The accounts service publishes one per new account, on the user-signed-up topic. */
export interface UserSignedUp {
  type: 'UserSignedUp';
  /** Unique per event: the same on every delivery of it. */
  eventId: string;
  userId: string;
  email: string;
  plan: 'free' | 'pro';
}

/**
 * A command to the one service that sends the welcome email, on the send-welcome-email
 * topic. Nothing sends it yet; it is there for a repair that wants it.
 */
export interface SendWelcomeEmail {
  type: 'SendWelcomeEmail';
  /** The sign-up this email welcomes: the same on every copy of the command. */
  signUpEventId: string;
  userId: string;
  email: string;
  plan: 'free' | 'pro';
}
