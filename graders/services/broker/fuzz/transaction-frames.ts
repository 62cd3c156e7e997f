import { requestFrame } from './request-frame.ts';

const topic = 'fuzz-topic';
const group = 'fuzz-group';
const transactionalId = 'fuzz-txn';
/** The first producer id the broker hands out; mutations reach the other branches. */
const producerId = 1000;

/** A valid request of each transactional API, seeds for the fuzzer's mutations. */
export const transactionFrames: Buffer[] = [
  requestFrame(10, 2, (w) => w.string(transactionalId).int8(1)),
  requestFrame(22, 1, (w) => w.nullableString(transactionalId).int32(60_000)),
  requestFrame(24, 1, (w) => w.string(transactionalId).int64(producerId).int16(0).array([topic], (w, t) => w.string(t).array([0], (w, p) => w.int32(p)))),
  requestFrame(25, 1, (w) => w.string(transactionalId).int64(producerId).int16(0).string(group)),
  requestFrame(28, 2, (w) =>
    w.string(transactionalId).string(group).int64(producerId).int16(0)
      .array([topic], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int64(1).int32(-1).nullableString(null))),
  ),
  requestFrame(26, 1, (w) => w.string(transactionalId).int64(producerId).int16(0).boolean(true)),
  requestFrame(1, 11, (w) => {
    w.int32(-1).int32(50).int32(1).int32(1 << 20).int8(1).int32(0).int32(-1);
    w.array([topic], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int32(-1).int64(0).int64(-1).int32(1 << 20)));
    w.array([], () => {}).string('');
  }),
];
