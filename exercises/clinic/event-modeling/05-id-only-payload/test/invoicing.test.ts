import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import type { Order, OrderLine } from '../src/orders-api.ts';
import { aLine, anOrder, arbitraryLine } from './support/orders.ts';
import { ordersWorld } from './support/world.ts';

const billed = (lines: OrderLine[]) => ({ lines, totalCents: lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0) });
const invoiceOf = (world: ReturnType<typeof ordersWorld>, order: Order) => {
  const invoice = world.invoicing.invoice(order.orderId);
  return invoice && { lines: invoice.lines, totalCents: invoice.totalCents };
};

describe('invoicing from the orders topic', () => {
  it('invoices each order with the lines and prices it was placed with', async () => {
    const world = ordersWorld();
    const mug = anOrder([aLine('MUG-01', 2, 1_250)]);
    const tea = anOrder([aLine('TEA-50', 1, 899), aLine('BOOK-7', 1, 2_400)]);
    await world.orders.placeOrder(mug);
    await world.orders.placeOrder(tea);
    await world.deliverAll();
    expect(invoiceOf(world, mug)).toEqual(billed(mug.lines));
    expect(invoiceOf(world, tea)).toEqual(billed(tea.lines));
    expect(world.invoicing.invoice(tea.orderId)?.customerId).toBe(tea.customerId);
  });

  it('invoices orders placed and added to while the orders API is down', async () => {
    const world = ordersWorld();
    const order = anOrder([aLine('MUG-01', 1, 1_250)]);
    const wrap = aLine('WRAP-GIFT', 1, 300);
    await world.orders.placeOrder(order);
    await world.orders.addLine(order.orderId, wrap);
    world.ordersApiDown(true);
    await world.deliverAll();
    expect(world.failures).toEqual([]);
    expect(invoiceOf(world, order)).toEqual(billed([...order.lines, wrap]));
  });

  it('bills what the order held when each event happened, not what it holds when invoicing reads it', async () => {
    const world = ordersWorld();
    const order = anOrder([aLine('BOOK-7', 1, 2_400)]);
    await world.orders.placeOrder(order);
    // A gift wrap is added before invoicing gets to OrderPlaced: the order changed after the event.
    const wrap = aLine('WRAP-GIFT', 1, 300);
    await world.orders.addLine(order.orderId, wrap);
    await world.deliverNext();
    expect(invoiceOf(world, order), 'the invoice after OrderPlaced alone').toEqual(billed(order.lines));
    await world.deliverAll();
    expect(invoiceOf(world, order), 'the invoice after OrderLineAdded too').toEqual(billed([...order.lines, wrap]));
  });
});

describe('what the orders topic carries', () => {
  it('carries the lines invoicing needs, and not the customer\'s email', async () => {
    const world = ordersWorld();
    const order = anOrder([aLine('TEA-50', 3, 899)]);
    await world.orders.placeOrder(order);
    await world.orders.addLine(order.orderId, aLine('MUG-01', 1, 1_250));
    const leaks = world.events().filter((event) => event.raw.toLowerCase().includes(order.customerEmail.toLowerCase()));
    expect(leaks.map((event) => `${event.type} holds ${order.customerEmail}`)).toEqual([]);
  });
});

type Step =
  | { kind: 'place'; lines: OrderLine[] }
  | { kind: 'add'; order: number; line: OrderLine }
  | { kind: 'deliver'; count: number }
  | { kind: 'api'; down: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('place' as const), lines: fc.array(arbitraryLine(), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('add' as const), order: fc.nat(5), line: arbitraryLine() }),
  fc.record({ kind: fc.constant('deliver' as const), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('api' as const), down: fc.boolean() }),
);

describe('invoicing for generated histories', () => {
  it('bills every line once, at its price, however late invoicing reads and whenever the API is down', async () => {
    await assertProperty(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
        const world = ordersWorld();
        const placed: Order[] = [];
        // What each order held right after each event, in topic order: what invoicing must bill
        // once it has read that far.
        const heldAfter: { orderId: string; lines: OrderLine[] }[] = [];
        let delivered = 0;
        const log: string[] = [];
        const check = () => {
          for (const order of placed) {
            const last = heldAfter.slice(0, delivered).findLast((held) => held.orderId === order.orderId);
            const expected = last ? billed(last.lines) : undefined;
            expect(invoiceOf(world, order), `${log.join('; ')}; then the invoice of ${order.orderId}`).toEqual(expected);
          }
        };
        for (const s of steps) {
          if (s.kind === 'place') {
            const order = anOrder(s.lines);
            placed.push(order);
            await world.orders.placeOrder(order);
            heldAfter.push({ orderId: order.orderId, lines: [...s.lines] });
            log.push(`OrderPlaced ${order.orderId} with ${s.lines.length} line(s)`);
          } else if (s.kind === 'add' && placed.length > 0) {
            const order = placed[s.order % placed.length]!;
            await world.orders.addLine(order.orderId, s.line);
            const before = heldAfter.findLast((held) => held.orderId === order.orderId)!;
            heldAfter.push({ orderId: order.orderId, lines: [...before.lines, s.line] });
            log.push(`OrderLineAdded ${s.line.sku} to ${order.orderId}`);
          } else if (s.kind === 'deliver') {
            for (let i = 0; i < s.count && (await world.deliverNext()); i++) delivered++;
            log.push(`invoicing reads up to event ${delivered}`);
            expect(world.failures, log.join('; ')).toEqual([]);
            check();
          } else if (s.kind === 'api') {
            world.ordersApiDown(s.down);
            log.push(s.down ? 'the orders API goes down' : 'the orders API comes back');
          }
        }
        await world.deliverAll();
        expect(world.failures, log.join('; ')).toEqual([]);
        delivered = heldAfter.length;
        log.push('invoicing reads the rest');
        check();
      }),
      { numRuns: 60 },
    );
  });
});
