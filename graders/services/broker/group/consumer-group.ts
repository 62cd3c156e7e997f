import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../protocol/error-codes.ts';
import type { JoinGroupRequest, JoinGroupResponse } from '../protocol/join-group.ts';
import type { SyncGroupRequest, SyncGroupResponse } from '../protocol/sync-group.ts';
import { sameMetadata, selectProtocol } from './protocol-selection.ts';
import type { Timers } from './timers.ts';

export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable';

export interface GroupSettings {
  minSessionTimeoutMs: number;
  maxSessionTimeoutMs: number;
}

export interface GroupEvents {
  rebalanceStarted(groupId: string): void;
  rebalanceCompleted(groupId: string, generationId: number, memberIds: string[]): void;
  memberRemoved(groupId: string, memberId: string, reason: 'left' | 'session expired' | 'rebalance timeout'): void;
}

interface Member {
  memberId: string;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocols: { name: string; metadata: Buffer }[];
  assignment: Buffer;
  awaitingJoin?: ((response: JoinGroupResponse) => void) | undefined;
  awaitingSync?: ((response: SyncGroupResponse) => void) | undefined;
  sessionTimer?: unknown;
}

const noAssignment = Buffer.alloc(0);

function joinError(errorCode: number, memberId: string): JoinGroupResponse {
  return { errorCode, generationId: -1, protocolName: '', leader: '', memberId, members: [] };
}

/**
 * One consumer group's membership state machine, after Kafka's GroupCoordinator: members
 * join (PreparingRebalance) until every known member has rejoined or the rebalance timeout
 * ends, the leader's assignment is handed out at sync (CompletingRebalance → Stable), and a
 * member whose session timer runs out is removed and its partitions go to the others.
 */
export class ConsumerGroup {
  readonly groupId: string;
  state: GroupState = 'Empty';
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, Member>();
  /** Member ids handed out with MEMBER_ID_REQUIRED, awaiting the member's second join. */
  private readonly pending = new Map<string, unknown>();
  private rebalanceTimer: unknown;
  private readonly timers: Timers;
  private readonly settings: GroupSettings;
  private readonly events: GroupEvents;

  constructor(groupId: string, timers: Timers, settings: GroupSettings, events: GroupEvents) {
    this.groupId = groupId;
    this.timers = timers;
    this.settings = settings;
    this.events = events;
  }

  join(request: JoinGroupRequest, clientId: string, clientHost: string, version: number): Promise<JoinGroupResponse> | JoinGroupResponse {
    const { sessionTimeoutMs, memberId } = request;
    if (sessionTimeoutMs < this.settings.minSessionTimeoutMs || sessionTimeoutMs > this.settings.maxSessionTimeoutMs) {
      return joinError(ErrorCode.INVALID_SESSION_TIMEOUT, memberId);
    }
    if (request.protocols.length === 0 || request.protocolType === '' || !this.acceptsProtocols(request)) {
      return joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, memberId);
    }
    if (memberId === '') {
      const newId = `${clientId}-${randomUUID()}`;
      if (version < 4) return this.addMember(newId, request, clientId, clientHost);
      this.pending.set(newId, this.timers.setTimeout(() => this.expirePending(newId), sessionTimeoutMs));
      return joinError(ErrorCode.MEMBER_ID_REQUIRED, newId);
    }
    if (this.pending.has(memberId)) {
      this.timers.clearTimeout(this.pending.get(memberId));
      this.pending.delete(memberId);
      return this.addMember(memberId, request, clientId, clientHost);
    }
    const member = this.members.get(memberId);
    if (!member) return joinError(ErrorCode.UNKNOWN_MEMBER_ID, memberId);
    const sameProtocols = sameMetadata(member.protocols, request.protocols);
    member.sessionTimeoutMs = sessionTimeoutMs;
    member.rebalanceTimeoutMs = request.rebalanceTimeoutMs;
    member.protocols = request.protocols;
    // A member that rejoins unchanged (say it lost the join response) gets the current
    // generation back; only the leader or a changed subscription starts a new rebalance.
    if (sameProtocols && (this.state === 'CompletingRebalance' || (this.state === 'Stable' && memberId !== this.leaderId))) {
      return this.joinResponse(member);
    }
    return this.awaitJoin(member);
  }

  sync(request: SyncGroupRequest): Promise<SyncGroupResponse> | SyncGroupResponse {
    const member = this.members.get(request.memberId);
    if (!member) return { errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: noAssignment };
    if (request.generationId !== this.generationId) return { errorCode: ErrorCode.ILLEGAL_GENERATION, assignment: noAssignment };
    if (this.state === 'PreparingRebalance') return { errorCode: ErrorCode.REBALANCE_IN_PROGRESS, assignment: noAssignment };
    this.startSessionTimer(member);
    if (this.state === 'Stable') return { errorCode: ErrorCode.NONE, assignment: member.assignment };
    const answer = new Promise<SyncGroupResponse>((resolve) => (member.awaitingSync = resolve));
    if (member.memberId === this.leaderId) {
      const given = new Map(request.assignments.map((a) => [a.memberId, a.assignment]));
      this.state = 'Stable';
      for (const m of this.members.values()) {
        m.assignment = given.get(m.memberId) ?? noAssignment;
        const respond = m.awaitingSync;
        m.awaitingSync = undefined;
        respond?.({ errorCode: ErrorCode.NONE, assignment: m.assignment });
      }
    }
    return answer;
  }

  heartbeat(memberId: string, generationId: number): number {
    const member = this.members.get(memberId);
    if (!member) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== this.generationId) return ErrorCode.ILLEGAL_GENERATION;
    if (!member.awaitingJoin) this.startSessionTimer(member);
    return this.state === 'PreparingRebalance' ? ErrorCode.REBALANCE_IN_PROGRESS : ErrorCode.NONE;
  }

  leave(memberId: string): number {
    if (this.pending.has(memberId)) {
      this.timers.clearTimeout(this.pending.get(memberId));
      this.pending.delete(memberId);
      this.membershipChanged();
      return ErrorCode.NONE;
    }
    if (!this.members.has(memberId)) return ErrorCode.UNKNOWN_MEMBER_ID;
    this.remove(memberId, 'left');
    this.membershipChanged();
    return ErrorCode.NONE;
  }

  /** Ends one member's session now, as if its session timeout had run out. */
  expire(memberId: string): boolean {
    if (!this.members.has(memberId)) return false;
    this.remove(memberId, 'session expired');
    this.membershipChanged();
    return true;
  }

  /** Error for an offset commit from this member and generation, or NONE to accept it. */
  commitError(memberId: string, generationId: number): number {
    if (generationId < 0 && this.state === 'Empty') return ErrorCode.NONE;
    if (this.state === 'CompletingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS;
    if (!this.members.has(memberId)) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== this.generationId) return ErrorCode.ILLEGAL_GENERATION;
    return ErrorCode.NONE;
  }

  describeMembers(): { memberId: string; clientId: string; clientHost: string; metadata: Buffer; assignment: Buffer }[] {
    const full = this.state === 'Stable';
    return [...this.members.values()].map((m) => ({
      memberId: m.memberId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      metadata: full ? (m.protocols.find((p) => p.name === this.protocolName)?.metadata ?? noAssignment) : noAssignment,
      assignment: full ? m.assignment : noAssignment,
    }));
  }

  close(): void {
    this.timers.clearTimeout(this.rebalanceTimer);
    for (const timer of this.pending.values()) this.timers.clearTimeout(timer);
    for (const m of this.members.values()) this.timers.clearTimeout(m.sessionTimer);
  }

  private acceptsProtocols(request: JoinGroupRequest): boolean {
    if (this.members.size === 0) return true;
    if (request.protocolType !== this.protocolType) return false;
    return request.protocols.some((p) => [...this.members.values()].every((m) => m.protocols.some((q) => q.name === p.name)));
  }

  private addMember(memberId: string, request: JoinGroupRequest, clientId: string, clientHost: string): Promise<JoinGroupResponse> {
    const member: Member = {
      memberId,
      clientId,
      clientHost,
      sessionTimeoutMs: request.sessionTimeoutMs,
      rebalanceTimeoutMs: request.rebalanceTimeoutMs,
      protocols: request.protocols,
      assignment: noAssignment,
    };
    this.members.set(memberId, member);
    this.protocolType = request.protocolType;
    this.leaderId ??= memberId;
    return this.awaitJoin(member);
  }

  private awaitJoin(member: Member): Promise<JoinGroupResponse> {
    const answer = new Promise<JoinGroupResponse>((resolve) => {
      // A repeated join replaces the earlier one, whose connection has given up on it.
      member.awaitingJoin?.(joinError(ErrorCode.REBALANCE_IN_PROGRESS, member.memberId));
      member.awaitingJoin = resolve;
    });
    // Waiting members are covered by the rebalance timeout, not their session.
    this.timers.clearTimeout(member.sessionTimer);
    this.prepareRebalance();
    this.tryCompleteJoin();
    return answer;
  }

  private prepareRebalance(): void {
    if (this.state === 'CompletingRebalance') {
      for (const m of this.members.values()) {
        const respond = m.awaitingSync;
        m.awaitingSync = undefined;
        respond?.({ errorCode: ErrorCode.REBALANCE_IN_PROGRESS, assignment: noAssignment });
      }
    }
    if (this.state === 'PreparingRebalance') return;
    for (const m of this.members.values()) m.assignment = noAssignment;
    this.state = 'PreparingRebalance';
    const timeout = Math.max(0, ...[...this.members.values()].map((m) => m.rebalanceTimeoutMs));
    this.rebalanceTimer = this.timers.setTimeout(() => this.rebalanceTimedOut(), timeout);
    this.events.rebalanceStarted(this.groupId);
  }

  private tryCompleteJoin(): void {
    if (this.state !== 'PreparingRebalance' || this.pending.size > 0) return;
    for (const m of this.members.values()) if (!m.awaitingJoin) return;
    this.completeJoin();
  }

  private rebalanceTimedOut(): void {
    this.rebalanceTimer = undefined;
    for (const m of [...this.members.values()]) if (!m.awaitingJoin) this.remove(m.memberId, 'rebalance timeout');
    for (const timer of this.pending.values()) this.timers.clearTimeout(timer);
    this.pending.clear();
    this.completeJoin();
  }

  private completeJoin(): void {
    this.timers.clearTimeout(this.rebalanceTimer);
    this.rebalanceTimer = undefined;
    this.generationId++;
    if (this.members.size === 0) {
      this.state = 'Empty';
      this.protocolName = null;
      // Kafka keeps the protocol type of an emptied group ('consumer'), so DescribeGroups and
      // ListGroups still show what kind of group it was; the next member to join may replace it.
      this.leaderId = null;
      this.events.rebalanceCompleted(this.groupId, this.generationId, []);
      return;
    }
    if (this.leaderId === null || !this.members.has(this.leaderId)) this.leaderId = this.members.keys().next().value!;
    this.protocolName = selectProtocol([...this.members.values()]);
    this.state = 'CompletingRebalance';
    for (const m of this.members.values()) {
      const respond = m.awaitingJoin;
      m.awaitingJoin = undefined;
      this.startSessionTimer(m);
      respond?.(this.joinResponse(m));
    }
    this.events.rebalanceCompleted(this.groupId, this.generationId, [...this.members.keys()]);
  }

  private joinResponse(member: Member): JoinGroupResponse {
    const isLeader = member.memberId === this.leaderId;
    return {
      errorCode: ErrorCode.NONE,
      generationId: this.generationId,
      protocolName: this.protocolName ?? '',
      leader: this.leaderId ?? '',
      memberId: member.memberId,
      members: isLeader
        ? [...this.members.values()].map((m) => ({
            memberId: m.memberId,
            metadata: m.protocols.find((p) => p.name === this.protocolName)?.metadata ?? noAssignment,
          }))
        : [],
    };
  }

  private startSessionTimer(member: Member): void {
    this.timers.clearTimeout(member.sessionTimer);
    member.sessionTimer = this.timers.setTimeout(() => this.expire(member.memberId), member.sessionTimeoutMs);
  }

  private expirePending(memberId: string): void {
    this.pending.delete(memberId);
    this.tryCompleteJoin();
  }

  private remove(memberId: string, reason: 'left' | 'session expired' | 'rebalance timeout'): void {
    const member = this.members.get(memberId)!;
    this.timers.clearTimeout(member.sessionTimer);
    this.members.delete(memberId);
    member.awaitingJoin?.(joinError(ErrorCode.UNKNOWN_MEMBER_ID, memberId));
    member.awaitingSync?.({ errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: noAssignment });
    this.events.memberRemoved(this.groupId, memberId, reason);
  }

  private membershipChanged(): void {
    if (this.state === 'Stable' || this.state === 'CompletingRebalance') this.prepareRebalance();
    this.tryCompleteJoin();
  }
}
