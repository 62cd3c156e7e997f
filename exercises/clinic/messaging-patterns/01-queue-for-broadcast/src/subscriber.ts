import type { ConsumerConfig } from 'kafkajs';
import type { OrderPlaced } from './order-placed.ts';
import type { Subscriber, SubscriberDeps } from './subscriber-api.ts';

/**
 * Starts one instance of a service reading OrderPlaced.
 *
 * All order-placed readers join one consumer group, so the load is shared between every
 * instance on the platform: more instances, more throughput.
 */
export async function startSubscriber(deps: SubscriberDeps): Promise<Subscriber> {
  const groupId = `${deps.deployment}.order-placed-readers`;
  const consumer = deps.kafka.consumer({ groupId, ...quickGroupSettings });
  await consumer.connect();
  try {
    // A new group starts at the oldest record: orders placed before the first deployment count.
    await consumer.subscribe({ topic: deps.topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        await deps.onOrderPlaced(JSON.parse(message.value!.toString()) as OrderPlaced);
      },
    });
  } catch (error) {
    await consumer.disconnect();
    throw error;
  }
  return { consumer, stop: () => consumer.disconnect() };
}

/**
 * Short waits and frequent heartbeats so a group settles within a fraction of a second when
 * instances come and go (the session timeout stays above the broker's 1 s minimum).
 */
const quickGroupSettings: Partial<ConsumerConfig> = {
  sessionTimeout: 6_000,
  rebalanceTimeout: 10_000,
  heartbeatInterval: 200,
  maxWaitTimeInMs: 100,
  retry: { initialRetryTime: 50, retries: 8 },
};
