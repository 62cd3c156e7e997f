import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshKafka, type TestKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { predictions } from '../src/predictions.ts';
import { type CartKey, keyPartition, type Member, phases } from '../src/scenario.ts';
import { type Observation, runScenario } from './support/run-scenario.ts';

let kafka: TestKafka;
let observed: Observation;
beforeAll(async () => {
  kafka = await freshKafka('lab1-predictions', { partitions: 3 });
  observed = await runScenario(kafka);
});
afterAll(() => kafka?.[Symbol.asyncDispose]());

const carts = Object.keys(keyPartition) as CartKey[];
const show = (value: unknown) => JSON.stringify(value);

describe('the scenario, run on the broker with kafkajs', () => {
  it('put each cart on the partition scenario.ts gives for it', () => {
    for (const reception of observed.receptions) {
      expect(reception.partition, `${reception.key} "${reception.value}"`).toBe(keyPartition[reception.key]);
    }
  });
});

describe('your predictions, against what the scenario did', () => {
  for (const phase of phases) {
    it(`${phase}: each member owns the partitions you predicted`, () => {
      const predicted = predictions().assignment[phase];
      expect(predicted, `${phase}: you predicted ${show(predicted)}; the group settled on ${show(observed.assignment[phase])}`).toEqual(
        observed.assignment[phase],
      );
    });
  }

  for (const phase of phases) {
    it(`${phase}: each cart's records went to the member you predicted`, () => {
      const predicted = predictions().receiver[phase];
      const receivers = Object.fromEntries(
        carts.map((cart) => [cart, [...new Set(observed.receptions.filter((r) => r.phase === phase && r.key === cart).map((r) => r.member))]]),
      ) as Record<CartKey, Member[]>;
      for (const cart of carts) {
        expect(receivers[cart], `${phase}: ${cart}'s records went to one member`).toHaveLength(1);
      }
      const actual = Object.fromEntries(carts.map((cart) => [cart, receivers[cart][0]]));
      expect(predicted, `${phase}: you predicted ${show(predicted)}; the records went to ${show(actual)}`).toEqual(actual);
    });
  }

  it('each cart\'s records arrived in the order you predicted', () => {
    const predicted = predictions().arrivalOrder;
    const actual = Object.fromEntries(carts.map((cart) => [cart, observed.receptions.filter((r) => r.key === cart).map((r) => r.value)]));
    expect(predicted, `you predicted ${show(predicted)}; the group handled ${show(actual)}`).toEqual(actual);
  });
});
