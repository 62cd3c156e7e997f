/** One thing that happened to a shopping cart. Events of one cart must be handled in `seq` order. */
export interface CartEvent {
  /** The cart the event belongs to; the unit whose events must stay in order. */
  cartId: string;
  /** 1 for the cart's first event, then 2, 3, ... with no gaps. */
  seq: number;
  /** What happened, e.g. `added apple`. */
  action: string;
}

/** How a CartEvent travels as a Kafka message value. */
export const encodeCartEvent = (event: CartEvent): string => JSON.stringify(event);

/** The CartEvent in a message value; a value that is not one is refused with what was there. */
export function decodeCartEvent(value: Buffer | null): CartEvent {
  const text = value?.toString() ?? '';
  const parsed = JSON.parse(text) as Partial<CartEvent>;
  if (typeof parsed.cartId !== 'string' || typeof parsed.seq !== 'number' || typeof parsed.action !== 'string') {
    throw new Error(`Not a CartEvent (needs cartId, seq and action): ${text.slice(0, 120)}`);
  }
  return parsed as CartEvent;
}
