import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Command, Reply, SagaStatus, Step } from './messages.ts';
import { stepTimeoutMs } from './saga-policy.ts';

export interface OrchestratorDeps {
  clock: Clock;
  /** Sends a command to the service that owns it; the bus delivers it at least once. */
  send(command: Command): void;
}

export interface CheckoutOrchestrator {
  start(orderId: string): void;
  /** Called by the bus with every reply, in whatever order and number they arrive. */
  receive(reply: Reply): void;
  status(orderId: string): SagaStatus | undefined;
}

const steps: Step[] = ['stock', 'payment', 'shipping'];
const commandFor = { stock: 'ReserveStock', payment: 'ChargePayment', shipping: 'ArrangeShipping' } as const;
const stepOf = { StockReserved: 'stock', PaymentCharged: 'payment', ShippingArranged: 'shipping' } as const;

interface Saga {
  status: SagaStatus;
  step: number;
  attempt: number;
}

/**
 * Runs each checkout step by step. The services are reliable and replies do get lost, so a
 * step that has not answered is simply asked again until it does.
 */
export function createCheckoutOrchestrator({ clock, send }: OrchestratorDeps): CheckoutOrchestrator {
  const sagas = new Map<string, Saga>();

  const ask = (orderId: string, saga: Saga) => {
    const step = steps[saga.step]!;
    send({ type: commandFor[step], orderId, attempt: saga.attempt });
    const askedAt = { step: saga.step, attempt: saga.attempt };
    clock.setTimer(stepTimeoutMs, () => {
      if (saga.status !== 'running' || saga.step !== askedAt.step || saga.attempt !== askedAt.attempt) return;
      saga.attempt++;
      ask(orderId, saga);
    });
  };

  return {
    start(orderId) {
      const saga: Saga = { status: 'running', step: 0, attempt: 1 };
      sagas.set(orderId, saga);
      ask(orderId, saga);
    },
    receive(reply) {
      const saga = sagas.get(reply.orderId);
      if (!saga || saga.status !== 'running' || steps[saga.step] !== stepOf[reply.type]) return;
      saga.step++;
      saga.attempt = 1;
      if (saga.step === steps.length) saga.status = 'completed';
      else ask(reply.orderId, saga);
    },
    status: (orderId) => sagas.get(orderId)?.status,
  };
}
