import fc from 'fast-check';
import { AssertionError } from 'node:assert';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFor } from '#graders/testkit/faults/crash-points.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess, type SimulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { renderTimeline, type TimelineStep } from '#graders/testkit/harness/timeline.ts';
import { createConsumer } from '../src/consumer.ts';
import type { Delivery } from '../src/delivery.ts';
import { type OrderEvent, orderCancelled, orderPlaced } from '../src/events.ts';
import { checkoutDatabase, emptyTables } from './support/checkout-database.ts';
import { createEffectLog, effectFor, effectsApplied } from './support/course-effect.ts';
import { type LoggedMessage, PartitionedLog } from './support/partitioned-log.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await checkoutDatabase('kata2_consumer');
  await createEffectLog(db);
});
afterAll(() => db[Symbol.asyncDispose]());

const consumerName = 'stock-reservations';
const instanceNames = ['A', 'B'] as const;

/** One thing the broker or the consumer group does next. */
type Step =
  | { kind: 'deliver'; instance: 0 | 1; partition: number }
  | { kind: 'crash-while-handling'; instance: 0 | 1; partition: number; afterCalls: number }
  | { kind: 'deliver-to-both'; partition: number };

const partitionCount = 3;
const instanceArbitrary = fc.constantFrom(0 as const, 1 as const);
const partitionArbitrary = fc.integer({ min: 0, max: partitionCount - 1 });
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('deliver' as const), instance: instanceArbitrary, partition: partitionArbitrary }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('crash-while-handling' as const),
      instance: instanceArbitrary,
      partition: partitionArbitrary,
      afterCalls: fc.integer({ min: 1, max: 6 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deliver-to-both' as const), partition: partitionArbitrary }) },
);

/** Events as the relay might have published them: some twice, at later offsets. */
const logArbitrary = fc.record({
  orders: fc.array(fc.record({ cancelled: fc.boolean() }), { minLength: 1, maxLength: 5 }),
  republished: fc.array(fc.nat(), { maxLength: 4 }),
});

type LogShape = typeof logArbitrary extends fc.Arbitrary<infer Shape> ? Shape : never;

function buildLog({ orders, republished }: LogShape, ids: string[]) {
  const log = new PartitionedLog(partitionCount);
  const events: OrderEvent[] = [];
  let next = 0;
  const cause = { commandId: 'command-1', correlationId: 'flow-1' };
  orders.forEach((order, index) => {
    const orderId = `order-${index + 1}`;
    const placed = orderPlaced({ orderId, customerId: 'customer-a', currency: 'EUR', lines: [{ sku: 'SKU-A', quantity: 1, unitPriceCents: 100 }] }, cause, new Date(0));
    events.push({ ...placed, id: ids[next++]! });
    if (order.cancelled) events.push({ ...orderCancelled(orderId, 'changed mind', cause, new Date(0)), id: ids[next++]! });
  });
  const label = (event: OrderEvent) => `${event.type} ${event.data.orderId}`;
  for (const event of events) log.append(event.data.orderId, JSON.stringify(event), label(event));
  for (const index of republished) {
    const event = events[index % events.length]!;
    log.append(event.data.orderId, JSON.stringify(event), `${label(event)} (again)`);
  }
  return { log, events };
}

describe('the idempotent consumer under generated delivery schedules', () => {
  it('applies every event\'s effect exactly once, whatever is duplicated, reordered, crashed or delivered twice at once', async () => {
    await assertProperty(
      fc.asyncProperty(
        logArbitrary,
        fc.array(fc.uuid(), { minLength: 10, maxLength: 10 }),
        fc.array(stepArbitrary, { maxLength: 14 }),
        async (shape, ids, steps) => {
          await emptyTables(db);
          const { log, events } = buildLog(shape, ids);
          const story: TimelineStep[] = [];
          // Where each instance will read next, per partition: the committed offset after it (re)joins.
          const positions = instanceNames.map(() => [...log.committed]);
          const restart = (instance: number) => {
            positions[instance] = [...log.committed];
          };

          const handleIn = async (process: SimulatedProcess, instance: number, message: LoggedMessage) => {
            const consumer = createConsumer({ pool: process.pool, consumerName, applyEffect: effectFor(consumerName) });
            const delivery: Delivery = {
              topic: 'orders',
              partition: message.partition,
              offset: String(message.offset),
              key: message.key,
              value: message.value,
              headers: {},
              commitOffset: async () => {
                if (process.dead) return new Promise<void>(() => {});
                log.commit(message.partition, message.offset + 1);
                story.push({ actor: `consumer ${instanceNames[instance]}`, text: `commits offset ${message.offset + 1} on partition ${message.partition}` });
              },
            };
            return process.run(consumer.handle(delivery));
          };

          try {
            for (const step of steps) {
              if (step.kind === 'deliver-to-both') {
                const offset = Math.max(positions[0]![step.partition]!, positions[1]![step.partition]!);
                const message = log.partitions[step.partition]![offset];
                if (!message) continue;
                story.push({ actor: 'broker', text: `delivers ${message.label} (p${message.partition}@${message.offset}) to A and B at once` });
                await Promise.all(
                  [0, 1].map((instance) =>
                    handleIn(simulatedProcess({ pool: db.pool, publisher: new RecordingPublisher() }), instance, message).then(() => {
                      positions[instance]![step.partition] = offset + 1;
                    }),
                  ),
                );
                continue;
              }
              const message = log.partitions[step.partition]![positions[step.instance]![step.partition]!];
              if (!message) continue;
              const actor = `consumer ${instanceNames[step.instance]}`;
              story.push({ actor: 'broker', text: `delivers ${message.label} (p${message.partition}@${message.offset}) to ${instanceNames[step.instance]}` });
              const plan = step.kind === 'crash-while-handling' ? planFor({ afterCalls: step.afterCalls }) : undefined;
              const process = simulatedProcess({ pool: db.pool, publisher: new RecordingPublisher(), plan });
              const outcome = await handleIn(process, step.instance, message);
              if (outcome.finished) {
                positions[step.instance]![step.partition] = message.offset + 1;
              } else {
                story.push({ actor, text: `dies while handling it (after ${step.kind === "crash-while-handling" ? step.afterCalls : "?"} database or broker calls) and rejoins the group` });
                restart(step.instance);
              }
            }
            story.push({ actor: 'consumer A', text: 'restarts and reads everything left from the committed offsets' });
            restart(0);
            for (let partition = 0; partition < partitionCount; partition++) {
              for (const message of log.partitions[partition]!.slice(log.committed[partition])) {
                const outcome = await handleIn(simulatedProcess({ pool: db.pool, publisher: new RecordingPublisher() }), 0, message);
                expect(outcome.finished, `${message.label} could not be handled`).toBe(true);
              }
            }
            const applied = await effectsApplied(db);
            for (const event of events) {
              const times = applied.get(event.id) ?? 0;
              if (times !== 1) {
                throw new AssertionError({
                  message: `${event.type} ${event.data.orderId} (${event.id.slice(0, 8)}) took effect ${times} times; every event must take effect exactly once`,
                });
              }
            }
          } catch (error) {
            throw new AssertionError({ message: renderTimeline({ problem: (error as Error).message, steps: story }) });
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
