import { eventAjv } from '#graders/testkit/events/event-ajv.ts';

/** One fact of the contract: the course envelope, the type, and a closed payload. */
function fact(type: string, slug: string, required: string[], properties: Record<string, unknown>) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://course.invalid/schemas/orders/${slug}.schema.json`,
    title: type,
    allOf: [{ $ref: 'https://course.invalid/schemas/event-envelope.schema.json' }],
    properties: {
      type: { const: type },
      data: { type: 'object', additionalProperties: false, required, properties },
    },
  };
}

const id = { type: 'string', format: 'uuid' };
const text = { type: 'string', minLength: 1 };

/**
 * The contract shipping and refunds signed with the orders service: the facts they act on,
 * in domain words, and nothing else. It names no table and no column.
 */
export const ordersContract = {
  OrderPlaced: fact('OrderPlaced', 'order-placed', ['orderId', 'customerId', 'shippingAddress'], { orderId: id, customerId: id, shippingAddress: text }),
  OrderShippingAddressCorrected: fact('OrderShippingAddressCorrected', 'order-shipping-address-corrected', ['orderId', 'shippingAddress'], { orderId: id, shippingAddress: text }),
  OrderCancelled: fact('OrderCancelled', 'order-cancelled', ['orderId', 'reason'], { orderId: id, reason: text }),
};

const ajv = eventAjv();
const validators = new Map(Object.entries(ordersContract).map(([type, schema]) => [type, ajv.compile(schema)]));

/** What is wrong with one published event against the contract, in words; empty when nothing. */
export function contractProblems(event: { type?: unknown }): string[] {
  const type = String(event.type);
  const validate = validators.get(type);
  if (!validate) return [`${type} is not a fact of the contract (${[...validators.keys()].join(', ')})`];
  if (validate(event)) return [];
  return (validate.errors ?? []).map((error) => `${type}: ${error.instancePath || '(the event)'} ${error.message}`);
}
