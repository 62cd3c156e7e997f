/** One charge as the payment provider's API takes it. */
export interface ChargeRequest {
  /** Integer cents, above zero. */
  amountCents: number;
  currency: 'EUR';
  /** The card token the customer's browser got from the provider. */
  card: string;
  /** Stored with the charge and shown on the provider's dashboard. */
  metadata: { orderId: string };
}

export interface Charge {
  /** The provider's id for the charge. */
  id: string;
  status: 'succeeded' | 'declined';
  amountCents: number;
}

/**
 * The payment provider's client. Like real payment APIs, it accepts an idempotency key: a
 * request sent again with the same key and the same parameters gets the first request's
 * result back and moves no money; the same key with different parameters is refused with
 * `IdempotencyKeyReused` (an HTTP 409 at the provider).
 */
export interface PaymentProvider {
  createCharge(request: ChargeRequest, options?: { idempotencyKey?: string }): Promise<Charge>;
}

/** No answer came within the client's timeout. The provider may or may not have charged. */
export class ProviderTimeout extends Error {
  constructor() {
    super('The payment provider did not answer in time; the charge may or may not have been made.');
    this.name = 'ProviderTimeout';
  }
}

/** The provider refused a request whose idempotency key it had seen with different parameters. */
export class IdempotencyKeyReused extends Error {
  constructor(key: string) {
    super(`The payment provider refused the request: idempotency key ${key} was already used with different parameters (HTTP 409).`);
    this.name = 'IdempotencyKeyReused';
  }
}
