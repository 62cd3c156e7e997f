import { Writer } from '../protocol/writer.ts';

/** One well-formed request frame (size prefix, header v1, body) as a client would send it. */
export function requestFrame(apiKey: number, version: number, body: (w: Writer) => void, correlationId = 1): Buffer {
  const w = new Writer(256);
  w.int32(0).int16(apiKey).int16(version).int32(correlationId).nullableString('fuzz');
  body(w);
  const frame = Buffer.from(w.toBuffer());
  frame.writeInt32BE(frame.length - 4, 0);
  return frame;
}
