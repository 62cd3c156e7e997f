import type { Producer } from 'kafkajs';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { UserRow } from './user.ts';

/** What the accounts service hands its publisher. */
export interface PublisherDeps {
  producer: Producer;
  topic: string;
  clock: Clock;
}

/** The publisher as the sign-up handler and the tests call it; keep this shape. */
export interface SignupPublisher {
  /** Publishes UserSignedUp for a user who has just signed up. */
  userSignedUp(user: UserRow): Promise<void>;
}
