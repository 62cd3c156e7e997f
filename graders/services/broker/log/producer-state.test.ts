import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/error-codes.ts';
import { ProducerStates } from './producer-state.ts';

describe('ProducerStates', () => {
  it('accepts a continuing sequence and answers a repeated batch with its first offset', () => {
    const states = new ProducerStates();
    expect(states.check(7, 0, 0, 3)).toEqual({ kind: 'append' });
    states.record(7, 0, 0, 3, 100);
    expect(states.check(7, 0, 3, 2)).toEqual({ kind: 'append' });
    states.record(7, 0, 3, 2, 103);
    expect(states.check(7, 0, 0, 3)).toEqual({ kind: 'duplicate', baseOffset: 100 });
    expect(states.check(7, 0, 3, 2)).toEqual({ kind: 'duplicate', baseOffset: 103 });
  });

  it('refuses a gap in the sequence, a first batch not at 0, and an older epoch', () => {
    const states = new ProducerStates();
    expect(states.check(7, 0, 5, 1)).toMatchObject({ errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER });
    states.record(7, 1, 0, 1, 0);
    expect(states.check(7, 1, 2, 1)).toMatchObject({ errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER });
    expect(states.check(7, 0, 1, 1)).toMatchObject({ errorCode: ErrorCode.INVALID_PRODUCER_EPOCH });
  });

  it('checks nothing for a producer without an id', () => {
    expect(new ProducerStates().check(-1, -1, -1, 4)).toEqual({ kind: 'append' });
  });
});
