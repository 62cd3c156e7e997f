import type { Reader } from './reader.ts';
import type { Writer } from './writer.ts';

/**
 * One Kafka API as this broker implements it: the version range it advertises in
 * ApiVersions, and the codec for its request and response bodies. Headers are handled by
 * the connection (request header v1, response header v0: no flexible versions are offered).
 */
export interface ApiCodec<Request, Response> {
  key: number;
  name: string;
  minVersion: number;
  maxVersion: number;
  decodeRequest(reader: Reader, version: number): Request;
  encodeResponse(writer: Writer, version: number, response: Response): void;
}

export function defineApi<Request, Response>(codec: ApiCodec<Request, Response>): ApiCodec<Request, Response> {
  return codec;
}
