import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import { type CheckoutOrchestrator, createCheckoutOrchestrator } from '../../src/checkout-orchestrator.ts';
import type { Command, Reply } from '../../src/messages.ts';

export const seconds = (n: number) => n * 1000;

/**
 * One checkout service on a virtual clock, with every command it sends recorded (with the
 * virtual time it was sent at) and replies delivered when the test says so.
 */
export interface CheckoutWorld {
  clock: VirtualClock;
  orchestrator: CheckoutOrchestrator;
  /** Every command sent so far, in order, with the virtual second it was sent at. */
  sent: { at: number; command: Command }[];
  /** The types of the commands sent for one order, in order. */
  commandsFor(orderId: string): string[];
  /** How many times one command type was sent for an order. */
  count(orderId: string, type: Command['type']): number;
  reply(type: Reply['type'], orderId: string): void;
  /** Moves the virtual clock on; timers due by then fire, in order. */
  wait(ms: number): Promise<void>;
}

export function checkoutWorld(): CheckoutWorld {
  const clock = new VirtualClock();
  const sent: CheckoutWorld['sent'] = [];
  const orchestrator = createCheckoutOrchestrator({ clock, send: (command) => void sent.push({ at: clock.elapsedMs() / 1000, command }) });
  const forOrder = (orderId: string) => sent.filter((s) => s.command.orderId === orderId).map((s) => s.command.type);
  return {
    clock,
    orchestrator,
    sent,
    commandsFor: forOrder,
    count: (orderId, type) => forOrder(orderId).filter((t) => t === type).length,
    reply: (type, orderId) => orchestrator.receive({ type, orderId }),
    wait: (ms) => clock.advance(ms),
  };
}
