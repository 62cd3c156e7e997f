import { describe, it } from 'vitest';
import { withOrdersTopic } from './support/orders-topic.ts';
import { recordedOrders } from './support/recorded.ts';

// Your reproduction: the smallest test that fails on the code as shipped and passes once it
// is repaired. withOrdersTopic() gives you the publisher on an orders topic of its own on the
// course's broker, with history() (every event on the topic) and replay() (the revenue report
// rebuilt from the first offset); recordedOrders() gives the publisher on an in-memory broker,
// for tests that deliver the events themselves.
void withOrdersTopic;
void recordedOrders;

describe('the shipped correction', () => {
  it.todo('TODO: reproduce the revenue report that kept the wrong total after the fix was sent');
});
