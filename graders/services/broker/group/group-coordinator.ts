import { ErrorCode } from '../protocol/error-codes.ts';
import type { DescribedGroup } from '../protocol/describe-groups.ts';
import type { JoinGroupRequest, JoinGroupResponse } from '../protocol/join-group.ts';
import type { OffsetCommitRequest, OffsetCommitResponse } from '../protocol/offset-commit.ts';
import type { OffsetFetchRequest, OffsetFetchResponse } from '../protocol/offset-fetch.ts';
import type { SyncGroupRequest, SyncGroupResponse } from '../protocol/sync-group.ts';
import { ConsumerGroup, type GroupEvents, type GroupSettings } from './consumer-group.ts';
import type { Timers } from './timers.ts';

/** Kafka's offset.metadata.max.bytes default. */
const maxOffsetMetadataBytes = 4096;

interface Committed {
  offset: number;
  metadata: string | null;
}

/**
 * The group coordinator for every group (this broker is the coordinator of all of them):
 * membership through ConsumerGroup, and committed offsets, which outlive membership.
 */
export class GroupCoordinator {
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly offsets = new Map<string, Map<string, Map<number, Committed>>>();
  private readonly timers: Timers;
  private readonly settings: GroupSettings;
  private readonly events: GroupEvents;

  constructor(timers: Timers, settings: GroupSettings, events: GroupEvents) {
    this.timers = timers;
    this.settings = settings;
    this.events = events;
  }

  group(groupId: string): ConsumerGroup | undefined {
    return this.groups.get(groupId);
  }

  join(request: JoinGroupRequest, clientId: string, clientHost: string, version: number): Promise<JoinGroupResponse> | JoinGroupResponse {
    if (request.groupId === '') {
      return { errorCode: ErrorCode.INVALID_GROUP_ID, generationId: -1, protocolName: '', leader: '', memberId: request.memberId, members: [] };
    }
    return this.groupFor(request.groupId).join(request, clientId, clientHost, version);
  }

  sync(request: SyncGroupRequest): Promise<SyncGroupResponse> | SyncGroupResponse {
    const group = this.groups.get(request.groupId);
    if (!group) return { errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: Buffer.alloc(0) };
    return group.sync(request);
  }

  heartbeat(groupId: string, memberId: string, generationId: number): number {
    return this.groups.get(groupId)?.heartbeat(memberId, generationId) ?? ErrorCode.UNKNOWN_MEMBER_ID;
  }

  leave(groupId: string, memberIds: string[]): { memberId: string; errorCode: number }[] {
    const group = this.groups.get(groupId);
    return memberIds.map((memberId) => ({ memberId, errorCode: group?.leave(memberId) ?? ErrorCode.UNKNOWN_MEMBER_ID }));
  }

  expire(groupId: string, memberId: string): boolean {
    return this.groups.get(groupId)?.expire(memberId) ?? false;
  }

  commit(request: OffsetCommitRequest, partitionExists: (topic: string, partition: number) => boolean): OffsetCommitResponse {
    const group = this.groups.get(request.groupId);
    const groupError =
      request.groupId === ''
        ? ErrorCode.INVALID_GROUP_ID
        : group
          ? group.commitError(request.memberId, request.generationId)
          : request.generationId < 0
            ? ErrorCode.NONE
            : ErrorCode.UNKNOWN_MEMBER_ID;
    if (groupError === ErrorCode.NONE) this.groupFor(request.groupId);
    const stored = this.offsetsOf(request.groupId);
    return {
      topics: request.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => {
          let errorCode: number = groupError;
          if (errorCode === ErrorCode.NONE && !partitionExists(t.name, p.index)) errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
          if (errorCode === ErrorCode.NONE && Buffer.byteLength(p.metadata ?? '') > maxOffsetMetadataBytes) {
            errorCode = ErrorCode.OFFSET_METADATA_TOO_LARGE;
          }
          if (errorCode === ErrorCode.NONE) {
            const byPartition = stored.get(t.name) ?? new Map<number, Committed>();
            // Kafka stores a null metadata as the empty string, and returns it so.
            byPartition.set(p.index, { offset: p.offset, metadata: p.metadata ?? '' });
            stored.set(t.name, byPartition);
          }
          return { index: p.index, errorCode };
        }),
      })),
    };
  }

  /** Offsets a committed transaction sent with TxnOffsetCommit; the group is created if new, as Kafka does. */
  storeTransactionalOffsets(groupId: string, offsets: { topic: string; partition: number; offset: number; metadata: string }[]): void {
    this.groupFor(groupId);
    const stored = this.offsetsOf(groupId);
    for (const o of offsets) {
      const byPartition = stored.get(o.topic) ?? new Map<number, Committed>();
      byPartition.set(o.partition, { offset: o.offset, metadata: o.metadata });
      stored.set(o.topic, byPartition);
    }
  }

  fetchOffsets(request: OffsetFetchRequest): OffsetFetchResponse {
    const stored = this.offsets.get(request.groupId) ?? new Map<string, Map<number, Committed>>();
    const wanted =
      request.topics ?? [...stored.entries()].map(([name, byPartition]) => ({ name, partitions: [...byPartition.keys()] }));
    return {
      errorCode: ErrorCode.NONE,
      topics: wanted.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((index) => {
          const committed = stored.get(t.name)?.get(index);
          return { index, offset: committed?.offset ?? -1, metadata: committed?.metadata ?? '', errorCode: ErrorCode.NONE };
        }),
      })),
    };
  }

  describe(groupId: string): DescribedGroup {
    const group = this.groups.get(groupId);
    if (!group) return { errorCode: ErrorCode.NONE, groupId, state: 'Dead', protocolType: '', protocol: '', members: [] };
    return {
      errorCode: ErrorCode.NONE,
      groupId,
      state: group.state,
      protocolType: group.protocolType ?? '',
      protocol: group.state === 'Stable' ? (group.protocolName ?? '') : '',
      members: group.describeMembers(),
    };
  }

  list(): { groupId: string; protocolType: string }[] {
    return [...this.groups.values()].map((g) => ({ groupId: g.groupId, protocolType: g.protocolType ?? '' }));
  }

  /** DeleteGroups: an empty group and its committed offsets go; one with members stays. */
  deleteGroup(groupId: string): number {
    if (groupId === '') return ErrorCode.INVALID_GROUP_ID;
    const group = this.groups.get(groupId);
    if (!group && !this.offsets.has(groupId)) return ErrorCode.GROUP_ID_NOT_FOUND;
    if (group && group.state !== 'Empty') return ErrorCode.NON_EMPTY_GROUP;
    group?.close();
    this.groups.delete(groupId);
    this.offsets.delete(groupId);
    return ErrorCode.NONE;
  }

  /** Committed offsets of a deleted topic go with it, as Kafka removes them. */
  forgetTopic(topic: string): void {
    for (const byTopic of this.offsets.values()) byTopic.delete(topic);
  }

  close(): void {
    for (const group of this.groups.values()) group.close();
  }

  private groupFor(groupId: string): ConsumerGroup {
    let group = this.groups.get(groupId);
    if (!group) {
      group = new ConsumerGroup(groupId, this.timers, this.settings, this.events);
      this.groups.set(groupId, group);
    }
    return group;
  }

  private offsetsOf(groupId: string): Map<string, Map<number, Committed>> {
    let stored = this.offsets.get(groupId);
    if (!stored) {
      stored = new Map();
      this.offsets.set(groupId, stored);
    }
    return stored;
  }
}
