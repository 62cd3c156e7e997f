import type { Clock, TimerHandle } from '#graders/testkit/contracts/clock.ts';
import type { Command, Reply, SagaStatus, Step } from './messages.ts';
import { maxAttemptsPerStep, sagaDeadlineMs, stepTimeoutMs } from './saga-policy.ts';

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
const undoFor = { stock: 'ReleaseStock', payment: 'RefundPayment', shipping: 'CancelShipping' } as const;
const stepOf = { StockReserved: 'stock', PaymentCharged: 'payment', ShippingArranged: 'shipping' } as const;

interface Saga {
  status: SagaStatus;
  step: number;
  attempt: number;
  stepTimer?: TimerHandle;
  deadline: TimerHandle;
}

/**
 * Runs each checkout step by step, and ends every checkout: a step gets a bounded number of
 * attempts, the whole checkout a deadline, and a checkout that runs out of either undoes
 * every step it asked for, last first. A step that never answered may still have happened
 * (its reply can be the thing that was lost), so it is undone too; undo commands are
 * idempotent at the services.
 */
export function createCheckoutOrchestrator({ clock, send }: OrchestratorDeps): CheckoutOrchestrator {
  const sagas = new Map<string, Saga>();

  const giveUp = (orderId: string, saga: Saga) => {
    if (saga.stepTimer) clock.clearTimer(saga.stepTimer);
    clock.clearTimer(saga.deadline);
    saga.status = 'compensated';
    for (const step of steps.slice(0, saga.step + 1).reverse()) send({ type: undoFor[step], orderId });
  };

  const ask = (orderId: string, saga: Saga) => {
    send({ type: commandFor[steps[saga.step]!], orderId, attempt: saga.attempt });
    saga.stepTimer = clock.setTimer(stepTimeoutMs, () => {
      if (saga.attempt >= maxAttemptsPerStep) return giveUp(orderId, saga);
      saga.attempt++;
      ask(orderId, saga);
    });
  };

  return {
    start(orderId) {
      const saga: Saga = { status: 'running', step: 0, attempt: 1, deadline: clock.setTimer(sagaDeadlineMs, () => giveUp(orderId, saga)) };
      sagas.set(orderId, saga);
      ask(orderId, saga);
    },
    receive(reply) {
      const saga = sagas.get(reply.orderId);
      // Late, duplicate and stray replies change nothing: the step they answer is over.
      if (!saga || saga.status !== 'running' || steps[saga.step] !== stepOf[reply.type]) return;
      if (saga.stepTimer) clock.clearTimer(saga.stepTimer);
      saga.step++;
      saga.attempt = 1;
      if (saga.step < steps.length) return ask(reply.orderId, saga);
      saga.status = 'completed';
      clock.clearTimer(saga.deadline);
    },
    status: (orderId) => sagas.get(orderId)?.status,
  };
}
