/** The checkout's steps, in the order the orchestrator runs them. */
export type Step = 'stock' | 'payment' | 'shipping';

/** What the orchestrator asks a service to do; `attempt` counts re-sends of one step (1, 2, ...). */
export type Command =
  | { type: 'ReserveStock' | 'ChargePayment' | 'ArrangeShipping'; orderId: string; attempt: number }
  | { type: 'ReleaseStock' | 'RefundPayment' | 'CancelShipping'; orderId: string };

/** What a service answers. A reply may come late, twice, or never. */
export interface Reply {
  type: 'StockReserved' | 'PaymentCharged' | 'ShippingArranged';
  orderId: string;
}

export type SagaStatus = 'running' | 'completed' | 'compensated';
