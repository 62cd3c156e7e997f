import { encodeBatch } from '../records/record-batch.ts';
import { requestFrame } from './request-frame.ts';
import { adminFrames } from './admin-frames.ts';
import { transactionFrames } from './transaction-frames.ts';

export { requestFrame };

const topic = 'fuzz-topic';
const group = 'fuzz-group';
const batch = encodeBatch([{ key: Buffer.from('k'), value: Buffer.from('v'), headers: [{ key: 'h', value: null }] }]);
const gzipBatch = encodeBatch([{ value: Buffer.from('zipped') }, { value: null }], { gzip: true });

/** A valid request of every API the broker implements, the seeds that mutations start from. */
export const validFrames: Buffer[] = [
  requestFrame(18, 2, () => {}),
  requestFrame(3, 6, (w) => w.array([topic], (w, t) => w.string(t)).boolean(true)),
  requestFrame(19, 3, (w) =>
    w.array(['fuzz-created'], (w, t) => w.string(t).int32(2).int16(1).int32(0).int32(0)).int32(1000).boolean(false),
  ),
  ...[batch, gzipBatch].map((records) =>
    requestFrame(0, 7, (w) =>
      w.nullableString(null).int16(-1).int32(1000).array([topic], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).bytes(records))),
    ),
  ),
  requestFrame(1, 11, (w) => {
    w.int32(-1).int32(50).int32(1).int32(1 << 20).int8(0).int32(0).int32(-1);
    w.array([topic], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int32(-1).int64(0).int64(-1).int32(1 << 20)));
    w.array([], () => {}).string('');
  }),
  requestFrame(2, 3, (w) => w.int32(-1).int8(0).array([topic], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int64(-1)))),
  requestFrame(10, 2, (w) => w.string(group).int8(0)),
  requestFrame(11, 5, (w) =>
    w.string(group).int32(6000).int32(6000).string('').nullableString(null).string('consumer')
      .array(['range'], (w, name) => w.string(name).bytes(Buffer.from([0, 1, 0, 0, 0, 0]))),
  ),
  requestFrame(14, 3, (w) => w.string(group).int32(1).string('member').nullableString(null).array([], () => {})),
  requestFrame(12, 3, (w) => w.string(group).int32(1).string('member').nullableString(null)),
  requestFrame(13, 3, (w) => w.string(group).array(['member'], (w, m) => w.string(m).nullableString(null))),
  requestFrame(8, 5, (w) =>
    w.string(group).int32(-1).string('').array([topic], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int64(1).nullableString(null))),
  ),
  requestFrame(9, 4, (w) => w.string(group).nullableArray(null, () => {})),
  requestFrame(15, 2, (w) => w.array([group], (w, g) => w.string(g))),
  requestFrame(16, 2, () => {}),
  requestFrame(22, 1, (w) => w.nullableString(null).int32(60_000)),
  ...transactionFrames,
  ...adminFrames,
  requestFrame(20, 1, (w) => w.array(['fuzz-absent'], (w, t) => w.string(t)).int32(1000)),
];
