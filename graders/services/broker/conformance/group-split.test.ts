import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { GroupAssignments, startIdleMembers } from './group-assignments.ts';

describe('a consumer group', () => {
  it('splits six partitions between three consumers, two each, none shared', async () => {
    await using kafka = await freshKafka('group-split', { partitions: 6 });
    const assignments = new GroupAssignments(kafka.topic);
    const names = ['a', 'b', 'c'];
    const consumers = await startIdleMembers(kafka, assignments, names);
    try {
      await assignments.until(() => assignments.splitsEvenly(names, 6), 'three members with two partitions each');
      for (const name of names) expect(assignments.latest.get(name)!.partitions).toHaveLength(2);
      const memberIds = names.map((n) => assignments.latest.get(n)!.memberId);
      expect(new Set(memberIds).size).toBe(3);
      const described = await kafka.admin.describeGroups([kafka.groupId()]);
      expect(described.groups[0]!.state).toBe('Stable');
      expect(described.groups[0]!.members.map((m) => m.memberId).sort()).toEqual([...memberIds].sort());
    } finally {
      await Promise.all(consumers.map((c) => c.disconnect()));
    }
  });
});
