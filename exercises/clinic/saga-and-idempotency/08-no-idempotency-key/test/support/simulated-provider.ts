import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import {
  type Charge,
  type ChargeRequest,
  IdempotencyKeyReused,
  type PaymentProvider,
  ProviderTimeout,
} from '../../src/payment-provider.ts';

/** How long the payment step's HTTP client waits for the provider before it gives up on a call. */
export const clientTimeoutMs = 10_000;

/**
 * The payment provider as its own books see it. It keeps idempotency keys the way real
 * payment APIs do: a request with a key it has seen, and the same parameters, gets the
 * recorded result back and moves no money; the same key with other parameters is refused.
 * A request without a key is always a new charge.
 */
export class SimulatedPaymentProvider implements PaymentProvider {
  /** Every charge that moved money, in order. */
  readonly succeeded: (Charge & { orderId: string })[] = [];
  /** Cards the issuer declines. */
  readonly declining = new Set<string>();
  readonly #byKey = new Map<string, { request: ChargeRequest; charge: Charge }>();
  readonly #clock: VirtualClock;
  #answersToLose = 0;
  #refuseNextAsReused = false;

  constructor(clock: VirtualClock) {
    this.#clock = clock;
  }

  /**
   * The next `count` answers never reach the caller: the provider does its work (or replays
   * a recorded result), the caller's client waits out its timeout on the virtual clock, then
   * reports `ProviderTimeout`.
   */
  loseAnswers(count: number): void {
    this.#answersToLose = count;
  }

  /** The next request is refused as a reuse of its key with other parameters, whatever key it carries. */
  refuseNextAsKeyReused(): void {
    this.#refuseNextAsReused = true;
  }

  /** The amounts charged for an order, in order: what the customer's bank statement shows. */
  chargedFor(orderId: string): number[] {
    return this.succeeded.filter((charge) => charge.orderId === orderId).map((charge) => charge.amountCents);
  }

  async createCharge(request: ChargeRequest, { idempotencyKey }: { idempotencyKey?: string } = {}): Promise<Charge> {
    if (this.#refuseNextAsReused) {
      this.#refuseNextAsReused = false;
      throw new IdempotencyKeyReused(idempotencyKey ?? '(none)');
    }
    const charge = this.#replay(request, idempotencyKey) ?? this.#charge(request, idempotencyKey);
    if (this.#answersToLose > 0) {
      this.#answersToLose--;
      await this.#clock.advance(clientTimeoutMs);
      throw new ProviderTimeout();
    }
    return { ...charge };
  }

  #replay(request: ChargeRequest, key: string | undefined): Charge | undefined {
    const earlier = key === undefined ? undefined : this.#byKey.get(key);
    if (!earlier) return undefined;
    if (!isDeepStrictEqual(earlier.request, request)) throw new IdempotencyKeyReused(key!);
    return earlier.charge;
  }

  #charge(request: ChargeRequest, key: string | undefined): Charge {
    const declined = this.declining.has(request.card);
    const charge: Charge = { id: `ch_${randomUUID().slice(0, 12)}`, status: declined ? 'declined' : 'succeeded', amountCents: request.amountCents };
    if (!declined) this.succeeded.push({ ...charge, orderId: request.metadata.orderId });
    if (key !== undefined) this.#byKey.set(key, { request: structuredClone(request), charge });
    return charge;
  }
}
