import { requestFrame } from './request-frame.ts';

const topic = 'fuzz-topic';
const group = 'fuzz-group';

/** A valid request of each admin API (configs, partitions, records, groups), seeds for the fuzzer's mutations. */
export const adminFrames: Buffer[] = [
  requestFrame(32, 2, (w) => w.array([topic], (w, t) => w.int8(2).string(t).nullableArray(null, () => {})).boolean(true)),
  requestFrame(32, 0, (w) => w.array(['1'], (w, b) => w.int8(4).string(b).nullableArray(['log.retention.ms'], (w, k) => w.string(k)))),
  requestFrame(33, 1, (w) => w.array([topic], (w, t) => w.int8(2).string(t).array([['retention.ms', '1000']], (w, [k, v]) => w.string(k!).nullableString(v!))).boolean(true)),
  requestFrame(44, 0, (w) => w.array([topic], (w, t) => w.int8(2).string(t).array([['cleanup.policy', 2, 'compact']] as const, (w, [k, op, v]) => w.string(k).int8(op).nullableString(v))).boolean(false)),
  requestFrame(37, 1, (w) => w.array([topic], (w, t) => w.string(t).int32(3).nullableArray(null, () => {})).int32(1000).boolean(true)),
  requestFrame(21, 1, (w) => w.array([topic], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int64(-1))).int32(1000)),
  requestFrame(42, 1, (w) => w.array([group], (w, g) => w.string(g))),
];
