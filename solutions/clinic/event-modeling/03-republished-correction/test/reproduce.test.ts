import { describe, expect, it } from 'vitest';
import { withOrdersTopic } from './support/orders-topic.ts';

describe('the shipped correction', () => {
  it('shows the corrected total after the topic is replayed', async () => {
    await withOrdersTopic('correction-reproduce', async ({ publisher, replay }) => {
      const original = await publisher.orderPlaced({ orderId: 'o-1', totalCents: 11_900 });
      await publisher.correctTotal(original, 10_000, 'tax counted twice');
      expect((await replay()).totalOf('o-1')).toBe(10_000);
    });
  });
});
