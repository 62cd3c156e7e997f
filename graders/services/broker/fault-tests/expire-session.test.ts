import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { GroupAssignments, startIdleMembers } from '../conformance/group-assignments.ts';
import { embeddedOnly, embeddedOnlySuffix } from '../embedded-only.ts';
import { startEmbeddedBroker } from '../start-embedded-broker.ts';

describe(`faults.expireSession ${embeddedOnlySuffix}`, embeddedOnly, () => {
  it('evicts one member: the group rebalances and the member rejoins under a new id', async () => {
    await using broker = await startEmbeddedBroker();
    await using kafka = await freshKafka('expire', { partitions: 2, on: broker });
    const assignments = new GroupAssignments(kafka.topic);
    const names = ['evicted', 'other'];
    const consumers = await startIdleMembers(kafka, assignments, names);
    try {
      await assignments.until(() => assignments.splitsEvenly(names, 2), 'one partition each');
      const oldId = assignments.latest.get('evicted')!.memberId;
      const groupId = kafka.groupId();
      const generationBefore = broker.state.coordinator.group(groupId)!.generationId;

      const removed = once(broker.events, 'member-removed');
      broker.faults.expireSession(groupId, oldId);
      const [event] = await removed;
      expect(event).toEqual({ groupId, memberId: oldId, reason: 'session expired' });

      await assignments.until(
        (latest) => latest.get('evicted')!.memberId !== oldId && assignments.splitsEvenly(names, 2),
        'the evicted member to rejoin with a new id',
      );
      expect(broker.state.coordinator.group(groupId)!.generationId).toBeGreaterThan(generationBefore);
    } finally {
      await Promise.all(consumers.map((c) => c.disconnect()));
    }
  });

  it('refuses a member id the group does not have, saying where to find one', async () => {
    await using broker = await startEmbeddedBroker();
    expect(() => broker.faults.expireSession('no-such-group', 'nobody')).toThrow(/GROUP_JOIN/);
  });
});
