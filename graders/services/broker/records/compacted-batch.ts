/*
 * A batch the log cleaner rewrote: the header fields of the original (base offset, last
 * offset delta, timestamps, producer id, epoch, base sequence, the transactional bit) with
 * only the records it kept, each at its original offset delta, so offsets stay where they
 * were and gaps appear between them, as in Kafka. The records are written uncompressed
 * (Kafka would recompress with the batch's codec; the course broker keeps it simple).
 */
import { Writer } from '../protocol/writer.ts';
import { crc32c } from './crc32c.ts';
import type { BatchHeader, Record } from './record-batch.ts';

const keepBits = 0x08 | 0x10; // timestamp type and transactional; compression is dropped.

export function encodeCompactedBatch(header: BatchHeader, kept: readonly Record[]): Buffer {
  const body = new Writer(256);
  for (const record of kept) {
    const one = new Writer(64);
    one.int8(0).varlong(record.timestamp - header.baseTimestamp).varint(record.offset - header.baseOffset);
    one.varBytes(record.key).varBytes(record.value).varint(record.headers.length);
    for (const h of record.headers) one.varBytes(Buffer.from(h.key)).varBytes(h.value);
    body.varint(one.size).raw(one.toBuffer());
  }
  const afterCrc = new Writer(body.size + 40);
  afterCrc.int16(header.attributes & keepBits).int32(header.lastOffsetDelta).int64(header.baseTimestamp).int64(header.maxTimestamp);
  afterCrc.int64(header.producerId).int16(header.producerEpoch).int32(header.baseSequence).int32(kept.length).raw(body.toBuffer());
  const tail = afterCrc.toBuffer();
  const batch = new Writer(tail.length + 21);
  batch.int64(header.baseOffset).int32(tail.length + 9).int32(0).int8(2).uint32(crc32c(tail)).raw(tail);
  return Buffer.from(batch.toBuffer());
}
