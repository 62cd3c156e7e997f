/** The event every downstream service needs: the shop publishes one per order. */
export interface OrderPlaced {
  type: 'OrderPlaced';
  /** Unique per event: what a service counts when it asks "have I seen this one?" */
  eventId: string;
  orderId: string;
  totalCents: number;
}

/** The services that read OrderPlaced; each runs several instances. */
export const serviceNames = ['stock', 'email', 'analytics'] as const;
export type ServiceName = (typeof serviceNames)[number];
