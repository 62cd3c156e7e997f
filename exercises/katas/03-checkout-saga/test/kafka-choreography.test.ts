import { AssertionError } from 'node:assert';
import { describe, expect, it } from 'vitest';
// Brings in the typing of inject('services') that kafka-topic.ts reads.
import type {} from '#graders/testkit/vitest/provided-services.ts';
import { KafkaBus } from '#graders/testkit/bus/kafka-bus.ts';
import { systemClock } from '#graders/testkit/contracts/clock.ts';
import { freshKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { SimulatedServices } from '#graders/testkit/sagas/simulated-services.ts';
import type { SagaData } from '#graders/testkit/sagas/workflow.ts';
import { checkoutWorkflow } from '#graders/testkit/sagas/workflows.ts';
import { startChoreography } from '../src/choreography.ts';
import { checkoutPolicy } from '../src/policies.ts';

const workflow = checkoutWorkflow;

describe('checkout choreography over Kafka', () => {
  it('confirms a good order and cancels a declined one over real topics', async () => {
    await using kafka = await freshKafka('checkout-events', { partitions: 3 });
    await using bus = new KafkaBus<SagaData>({ client: kafka.client, topics: { events: kafka.topic }, groupId: kafka.groupId });
    const services = new SimulatedServices(workflow, systemClock);
    await startChoreography(bus, systemClock, services, workflow, checkoutPolicy());

    // Wait on the owner's final events, not on time: an observer is one more consumer group.
    const ended = new Set<string>();
    const sagas = ['good-1', 'declined-1'];
    const allEnded = new Promise<void>((resolve) => {
      void bus.subscribe('observer', [workflow.completed, workflow.cancelled], (event) => {
        ended.add(event.data.sagaId);
        if (sagas.every((id) => ended.has(id))) resolve();
      });
    });
    services.place('good-1');
    services.place('declined-1', 'ChargeCard');
    for (const sagaId of sagas) {
      await bus.publish({ id: `${sagaId}/placed`, type: workflow.started, key: sagaId, data: { sagaId } });
    }
    let guard: NodeJS.Timeout | undefined;
    const tooLong = new Promise<never>((_, reject) => {
      guard = setTimeout(() => reject(new AssertionError({ message:
        `after 30 s only ${[...ended].join(', ') || 'no saga'} ended; the owner must publish ` +
          `${workflow.completed} or ${workflow.cancelled} for every saga` })), 30_000);
    });
    try {
      await Promise.race([allEnded, bus.failure, tooLong]);
    } finally {
      clearTimeout(guard);
    }

    expect(services.statusOf('good-1')).toBe('confirmed');
    expect(services.statusOf('declined-1')).toBe('cancelled');
    for (const spec of workflow.steps) {
      expect(services.standing('good-1', spec.step), `${spec.step} must stand once for good-1`).toBe(1);
      expect(services.standing('declined-1', spec.step), `${spec.step} must not stand for declined-1`).toBe(0);
    }
  });
});
