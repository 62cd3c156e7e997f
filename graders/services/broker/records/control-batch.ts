/*
 * An end-transaction marker: a record batch with the transactional (0x10) and control (0x20)
 * attribute bits, holding one control record.
 *   key   => version INT16 (0), type INT16 (0 abort, 1 commit)
 *   value => version INT16 (0), coordinator_epoch INT32
 * Its producer id and epoch are the transaction's; base_sequence is -1, as markers carry none.
 */
import { Writer } from '../protocol/writer.ts';
import { crc32c } from './crc32c.ts';

const transactionalControl = 0x10 | 0x20;

export function encodeTransactionMarker(producerId: number, producerEpoch: number, committed: boolean, timestamp: number): Buffer {
  const key = new Writer(4).int16(0).int16(committed ? 1 : 0).toBuffer();
  const value = new Writer(6).int16(0).int32(0).toBuffer();
  const record = new Writer(32);
  record.int8(0).varlong(0).varint(0).varBytes(key).varBytes(value).varint(0);
  const afterCrc = new Writer(96);
  afterCrc.int16(transactionalControl).int32(0).int64(timestamp).int64(timestamp).int64(producerId).int16(producerEpoch);
  afterCrc.int32(-1).int32(1).varint(record.size).raw(record.toBuffer());
  const tail = afterCrc.toBuffer();
  const batch = new Writer(tail.length + 21);
  batch.int64(0).int32(tail.length + 9).int32(0).int8(2).uint32(crc32c(tail)).raw(tail);
  return Buffer.from(batch.toBuffer());
}
