import { randomUUID } from 'node:crypto';
import type { CaptureResult, PaymentProvider, RefundResult } from '../../src/payment-provider.ts';

/** One movement of money in the provider's own ledger. */
export interface ProviderEntry {
  kind: 'capture' | 'refund';
  orderId: string;
  paymentId: string;
  amountCents: number;
}

/** The provider took the request and did the work, but its answer never arrived. */
export class ProviderTimeout extends Error {}

interface Payment {
  orderId: string;
  capturedCents: number;
  refundedCents: number;
}

/**
 * A payment provider with its own ledger, as the customer's bank statement sees it. Cards
 * can be declined, captured partly, have their refunds refused, or have an answer lost
 * after the work was done. An idempotency key that comes again with the same request gets
 * the first answer and moves no money; a refused refund is not remembered under its key,
 * so it can be asked again with the same key once the reason is gone.
 */
export class SimulatedProvider implements PaymentProvider {
  /** Every capture and refund, in order: the provider's truth. */
  readonly ledger: ProviderEntry[] = [];
  /** Refund requests the provider refused, in order. */
  readonly refusedRefunds: { paymentId: string; amountCents: number; reason: string }[] = [];
  readonly #payments = new Map<string, Payment>();
  readonly #answers = new Map<string, { request: string; result: CaptureResult | RefundResult }>();
  readonly #declining = new Set<string>();
  readonly #captureLimits = new Map<string, number>();
  readonly #refusingRefunds = new Set<string>();
  readonly #refundAnswersToLose = new Map<string, number>();

  /** The card of this order will be declined. */
  decline(orderId: string): void {
    this.#declining.add(orderId);
  }

  /** The provider will capture at most this much of the order (a partial capture). */
  captureAtMost(orderId: string, cents: number): void {
    this.#captureLimits.set(orderId, cents);
  }

  /** Refunds of this order's payment are refused (the payment is under review) until `acceptRefunds`. */
  refuseRefunds(orderId: string): void {
    this.#refusingRefunds.add(orderId);
  }

  acceptRefunds(orderId: string): void {
    this.#refusingRefunds.delete(orderId);
  }

  /** The next refund of this order takes effect, but its answer is lost: the caller sees a ProviderTimeout. */
  loseNextRefundAnswer(orderId: string): void {
    this.#refundAnswersToLose.set(orderId, (this.#refundAnswersToLose.get(orderId) ?? 0) + 1);
  }

  /** What the provider still holds of the customer's money for this order. */
  netCaptured(orderId: string): number {
    return this.ledger
      .filter((entry) => entry.orderId === orderId)
      .reduce((sum, entry) => sum + (entry.kind === 'capture' ? entry.amountCents : -entry.amountCents), 0);
  }

  /** The amounts refunded for this order, in order. */
  refunds(orderId: string): number[] {
    return this.ledger.filter((entry) => entry.kind === 'refund' && entry.orderId === orderId).map((entry) => entry.amountCents);
  }

  async capture(request: { orderId: string; amountCents: number; idempotencyKey: string }): Promise<CaptureResult> {
    await Promise.resolve();
    const answered = this.#replay(request.idempotencyKey, request);
    if (answered) return answered as CaptureResult;
    requireCents('capture', request.amountCents);
    const paymentId = `pay-${randomUUID().slice(0, 8)}`;
    if (this.#declining.has(request.orderId)) {
      this.#payments.set(paymentId, { orderId: request.orderId, capturedCents: 0, refundedCents: 0 });
      return this.#remember(request.idempotencyKey, request, { status: 'declined', paymentId });
    }
    const capturedCents = Math.min(request.amountCents, this.#captureLimits.get(request.orderId) ?? Infinity);
    this.#payments.set(paymentId, { orderId: request.orderId, capturedCents, refundedCents: 0 });
    this.ledger.push({ kind: 'capture', orderId: request.orderId, paymentId, amountCents: capturedCents });
    return this.#remember(request.idempotencyKey, request, { status: 'captured', paymentId, capturedCents });
  }

  async refund(request: { paymentId: string; amountCents: number; idempotencyKey: string }): Promise<RefundResult> {
    await Promise.resolve();
    const answered = this.#replay(request.idempotencyKey, request);
    if (answered) return this.#answerOrLose(this.#payments.get(request.paymentId)!.orderId, answered as RefundResult);
    requireCents('refund', request.amountCents);
    const payment = this.#payments.get(request.paymentId);
    const reason = !payment || payment.capturedCents === 0
      ? 'nothing was captured on this payment'
      : this.#refusingRefunds.has(payment.orderId)
        ? 'the payment is under review; refunds are refused until it is cleared'
        : request.amountCents > payment.capturedCents - payment.refundedCents
          ? `the refund of ${request.amountCents} is more than the ${payment.capturedCents - payment.refundedCents} left on the payment`
          : undefined;
    if (reason) {
      this.refusedRefunds.push({ paymentId: request.paymentId, amountCents: request.amountCents, reason });
      return { status: 'refused', reason };
    }
    payment!.refundedCents += request.amountCents;
    this.ledger.push({ kind: 'refund', orderId: payment!.orderId, paymentId: request.paymentId, amountCents: request.amountCents });
    const result = this.#remember(request.idempotencyKey, request, { status: 'refunded', refundId: `re-${randomUUID().slice(0, 8)}` });
    return this.#answerOrLose(payment!.orderId, result);
  }

  #replay(key: string, request: object): CaptureResult | RefundResult | undefined {
    if (typeof key !== 'string' || key.length === 0) throw new Error('Every request to the provider needs an idempotency key (a non-empty string).');
    const earlier = this.#answers.get(key);
    if (earlier && earlier.request !== JSON.stringify(request)) {
      throw new Error(`Idempotency key "${key}" was used before for a different request: one key names one operation.`);
    }
    return earlier?.result;
  }

  #remember<T extends CaptureResult | RefundResult>(key: string, request: object, result: T): T {
    this.#answers.set(key, { request: JSON.stringify(request), result });
    return result;
  }

  #answerOrLose(orderId: string, result: RefundResult): RefundResult {
    const toLose = this.#refundAnswersToLose.get(orderId) ?? 0;
    if (toLose === 0) return result;
    this.#refundAnswersToLose.set(orderId, toLose - 1);
    throw new ProviderTimeout('The provider did not answer the refund in time (it had carried it out).');
  }
}

function requireCents(operation: string, cents: number): void {
  if (!Number.isSafeInteger(cents) || cents <= 0) {
    throw new Error(`A ${operation} needs a whole, positive number of cents; got ${cents}.`);
  }
}
