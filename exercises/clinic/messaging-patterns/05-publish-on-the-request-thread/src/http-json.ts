import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a customer sends to place an order. */
export interface OrderRequest {
  customerId: string;
  totalCents: number;
}

/** A request the endpoint refuses, with what the caller should send instead. */
export class BadRequest extends Error {}

/** Reads and checks the JSON body of `POST /orders`. */
export async function readOrderRequest(request: IncomingMessage): Promise<OrderRequest> {
  if (request.method !== 'POST' || request.url !== '/orders') {
    throw new BadRequest(`${request.method} ${request.url} is not served here: send POST /orders.`);
  }
  let text = '';
  for await (const chunk of request) text += chunk;
  let body: Partial<OrderRequest>;
  try {
    body = JSON.parse(text) as Partial<OrderRequest>;
  } catch {
    throw new BadRequest('The body is not JSON: send {"customerId": "...", "totalCents": 1234}.');
  }
  if (typeof body?.customerId !== 'string' || body.customerId.length === 0) {
    throw new BadRequest('customerId is missing: send the customer\'s id as a non-empty string.');
  }
  if (!Number.isInteger(body.totalCents) || (body.totalCents as number) <= 0) {
    throw new BadRequest('totalCents must be a whole number of cents above 0, e.g. 4250 for 42.50.');
  }
  return { customerId: body.customerId, totalCents: body.totalCents as number };
}

/** Sends a JSON answer, unless one has already gone out. */
export function reply(response: ServerResponse, status: number, body: object): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
