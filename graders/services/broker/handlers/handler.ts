import type { BrokerState } from '../broker-state.ts';
import type { ApiCodec } from '../protocol/api.ts';

/** The produce handler with acks=0: Kafka sends nothing back. */
export const noResponse = Symbol('no response');
/** A staged fault: close the client's connection instead of answering. */
export const closeConnection = Symbol('close connection');

export type Outcome<Response> = Response | typeof noResponse | typeof closeConnection;

export interface RequestContext {
  version: number;
  clientId: string;
  clientHost: string;
  /** Aborted when the client's connection closes or the broker stops. */
  signal: AbortSignal;
}

export interface ApiHandler<Request = unknown, Response = unknown> {
  codec: ApiCodec<Request, Response>;
  handle(state: BrokerState, request: Request, context: RequestContext): Outcome<Response> | Promise<Outcome<Response>>;
}

export function handler<Request, Response>(
  codec: ApiCodec<Request, Response>,
  handle: ApiHandler<Request, Response>['handle'],
): ApiHandler<Request, Response> {
  return { codec, handle };
}
