import { randomUUID } from 'node:crypto';
import { eventAjv } from '#graders/testkit/events/event-ajv.ts';
import type { PublisherDeps, SignupPublisher } from './publisher-api.ts';
import { userSignedUpData, userSignedUpSchema } from './user-signed-up.ts';

const validate = eventAjv().compile(userSignedUpSchema);

/** Publishes UserSignedUp in the course envelope, refusing any event its schema does not allow. */
export function createSignupPublisher({ producer, topic, clock }: PublisherDeps): SignupPublisher {
  return {
    async userSignedUp(user) {
      const event = {
        id: randomUUID(),
        type: 'UserSignedUp',
        version: 1,
        source: 'accounts',
        occurredAt: clock.now().toISOString(),
        correlationId: user.userId,
        causationId: user.userId,
        data: userSignedUpData(user),
      };
      if (!validate(event)) {
        throw new Error(`UserSignedUp does not match its schema: ${validate.errors?.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
      }
      await producer.send({
        topic,
        messages: [{ key: user.userId, value: JSON.stringify(event), headers: { 'content-type': 'application/json', 'event-type': 'UserSignedUp' } }],
      });
    },
  };
}
