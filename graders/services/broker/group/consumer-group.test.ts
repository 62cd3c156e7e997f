import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/error-codes.ts';
import type { JoinGroupRequest, JoinGroupResponse } from '../protocol/join-group.ts';
import { ConsumerGroup } from './consumer-group.ts';
import { ManualTimers } from './timers.ts';

const settings = { minSessionTimeoutMs: 1_000, maxSessionTimeoutMs: 300_000 };

function setUp() {
  const timers = new ManualTimers();
  const removed: string[] = [];
  const group = new ConsumerGroup('g', timers, settings, {
    rebalanceStarted: () => {},
    rebalanceCompleted: () => {},
    memberRemoved: (_g, memberId, reason) => removed.push(`${memberId}: ${reason}`),
  });
  const request = (memberId: string): JoinGroupRequest => ({
    groupId: 'g',
    sessionTimeoutMs: 3_000,
    rebalanceTimeoutMs: 10_000,
    memberId,
    groupInstanceId: null,
    protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: Buffer.from('m') }],
  });
  /** The two-step join of v4+: get an id, then join with it. */
  const join = async (client: string): Promise<{ memberId: string; answer: Promise<JoinGroupResponse> }> => {
    const first = (await group.join(request(''), client, '/127.0.0.1', 5)) as JoinGroupResponse;
    expect(first.errorCode).toBe(ErrorCode.MEMBER_ID_REQUIRED);
    return { memberId: first.memberId, answer: Promise.resolve(group.join(request(first.memberId), client, '/127.0.0.1', 5)) };
  };
  /** Several members at once: all ids first, so the first rebalance waits for every one. */
  const joinAll = async (...clients: string[]) => {
    const ids: string[] = [];
    for (const client of clients) ids.push(((await group.join(request(''), client, '/127.0.0.1', 5)) as JoinGroupResponse).memberId);
    return ids.map((memberId, i) => ({ memberId, answer: Promise.resolve(group.join(request(memberId), clients[i]!, '/127.0.0.1', 5)) }));
  };
  return { timers, group, removed, join, joinAll, request };
}

describe('ConsumerGroup', () => {
  it('forms generation 1 with the first member as leader and hands out the leader assignment at sync', async () => {
    const { group, join } = setUp();
    const a = await join('a');
    const joined = await a.answer;
    expect(joined).toMatchObject({ errorCode: 0, generationId: 1, leader: a.memberId, protocolName: 'range' });
    expect(joined.members.map((m) => m.memberId)).toEqual([a.memberId]);
    const synced = await group.sync({ groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [{ memberId: a.memberId, assignment: Buffer.from('p0') }] });
    expect(synced).toEqual({ errorCode: 0, assignment: Buffer.from('p0') });
    expect(group.state).toBe('Stable');
  });

  it('answers a heartbeat during a rebalance with REBALANCE_IN_PROGRESS and a stale generation with ILLEGAL_GENERATION', async () => {
    const { group, join } = setUp();
    const a = await join('a');
    await a.answer;
    await group.sync({ groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [] });
    const b = await join('b');
    expect(group.heartbeat(a.memberId, 1)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    const rejoined = group.join(setUp().request(a.memberId), 'a', '/127.0.0.1', 5);
    const [ra, rb] = await Promise.all([rejoined, b.answer]);
    expect(ra.generationId).toBe(2);
    expect(rb.generationId).toBe(2);
    expect(group.heartbeat(a.memberId, 1)).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(group.heartbeat(a.memberId, 2)).toBe(ErrorCode.NONE);
  });

  it('evicts a member whose session runs out; it then gets UNKNOWN_MEMBER_ID and the others rebalance', async () => {
    const { group, joinAll, timers, removed } = setUp();
    const [a, b] = (await joinAll('a', 'b')) as [Awaited<ReturnType<typeof joinAll>>[number], Awaited<ReturnType<typeof joinAll>>[number]];
    const [ja] = await Promise.all([a.answer, b.answer]);
    const assignments = [a, b].map((m) => ({ memberId: m.memberId, assignment: Buffer.from(m.memberId) }));
    const followerSync = group.sync({ groupId: 'g', generationId: ja.generationId, memberId: b.memberId, assignments: [] });
    await group.sync({ groupId: 'g', generationId: ja.generationId, memberId: a.memberId, assignments });
    await followerSync;
    // a keeps heartbeating, b goes silent; b's 3 s session started at sync, at time 0.
    for (let t = 0; t < 2; t++) {
      timers.advance(1_000);
      expect(group.heartbeat(a.memberId, ja.generationId)).toBe(ErrorCode.NONE);
    }
    expect(removed).toEqual([]);
    timers.advance(1_000);
    expect(removed).toEqual([`${b.memberId}: session expired`]);
    expect(group.heartbeat(b.memberId, ja.generationId)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(group.heartbeat(a.memberId, ja.generationId)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    const again = await group.join(setUp().request(a.memberId), 'a', '/127.0.0.1', 5);
    expect(again.generationId).toBe(ja.generationId + 1);
    expect(again.members.map((m) => m.memberId)).toEqual([a.memberId]);
  });

  it('completes a rebalance at the rebalance timeout without the members that did not rejoin', async () => {
    const { group, join, joinAll, timers, removed } = setUp();
    const [a, b] = (await joinAll('a', 'b')) as [Awaited<ReturnType<typeof joinAll>>[number], Awaited<ReturnType<typeof joinAll>>[number]];
    await Promise.all([a.answer, b.answer]);
    await group.sync({ groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [] });
    const c = await join('c');
    const aAgain = group.join(setUp().request(a.memberId), 'a', '/127.0.0.1', 5);
    // b heartbeats to keep its session but never rejoins.
    for (let t = 0; t < 9; t++) {
      timers.advance(1_000);
      group.heartbeat(b.memberId, 1);
    }
    timers.advance(1_000);
    const [ra, rc] = await Promise.all([aAgain, c.answer]);
    expect(removed).toEqual([`${b.memberId}: rebalance timeout`]);
    expect(ra.generationId).toBe(2);
    expect(rc.generationId).toBe(2);
    expect(ra.members.map((m) => m.memberId).sort()).toEqual([a.memberId, c.memberId].sort());
  });

  it('refuses offset commits during CompletingRebalance and from unknown members', async () => {
    const { group, join } = setUp();
    const a = await join('a');
    await a.answer;
    expect(group.commitError(a.memberId, 1)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    await group.sync({ groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [] });
    expect(group.commitError(a.memberId, 1)).toBe(ErrorCode.NONE);
    expect(group.commitError(a.memberId, 0)).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(group.commitError('stranger', 1)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it('rejects a session timeout outside the configured bounds', async () => {
    const { group, request } = setUp();
    const tooShort = { ...request(''), sessionTimeoutMs: 500 };
    expect(await group.join(tooShort, 'a', '/127.0.0.1', 5)).toMatchObject({ errorCode: ErrorCode.INVALID_SESSION_TIMEOUT });
  });

  it('goes back to Empty with a new generation when the last member leaves', async () => {
    const { group, join } = setUp();
    const a = await join('a');
    await a.answer;
    await group.sync({ groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [] });
    expect(group.leave(a.memberId)).toBe(ErrorCode.NONE);
    expect(group.state).toBe('Empty');
    expect(group.generationId).toBe(2);
    expect(group.leave(a.memberId)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });
});
