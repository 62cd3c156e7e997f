import { InMemoryBus } from '../../testkit/bus/in-memory-bus.ts';
import type { BusMessage } from '../../testkit/bus/message-bus.ts';
import type { Outcome } from '../../grading/quiz/outcome.ts';
import { outcomeOf } from '../../grading/quiz/outcome.ts';

type Sale = { sku: string };
const sale = (n: number): BusMessage<Sale> => ({ id: `sale-${n}`, type: 'ItemSold', key: 'sku-1', data: { sku: 'sku-1' } });

/** Two services subscribe to OrderPlaced; five are published on a calm run. What B handled. */
export async function pubsubTwoServices(): Promise<number> {
  const bus = new InMemoryBus<{ n: number }>();
  let handledByB = 0;
  await bus.subscribe('service-a', ['OrderPlaced'], () => undefined);
  await bus.subscribe('service-b', ['OrderPlaced'], () => void (handledByB += 1));
  for (let n = 1; n <= 5; n += 1) await bus.publish({ id: `order-${n}`, type: 'OrderPlaced', key: `order-${n}`, data: { n } });
  await bus.run();
  return handledByB;
}

/**
 * One ItemSold, delivered twice by the bus (a scheduled redelivery), to a counter that
 * either increments blindly or skips event ids it has seen. Returns lost, duplicated or neither.
 */
async function redeliveredSale(dedupe: boolean): Promise<Outcome> {
  const bus = new InMemoryBus<Sale>();
  const seen = new Set<string>();
  let sold = 0;
  await bus.subscribe('inventory', ['ItemSold'], (message) => {
    if (dedupe && seen.has(message.id)) return;
    seen.add(message.id);
    sold += 1;
  });
  await bus.publish(sale(1));
  await bus.run([{ pick: 0, delayMs: 0, duplicate: true, lose: false }]);
  return outcomeOf([sold]);
}

export const counterWithoutDedup = () => redeliveredSale(false);
export const counterWithDedup = () => redeliveredSale(true);
