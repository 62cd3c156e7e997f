import { describeGroupsApi } from '../protocol/describe-groups.ts';
import { ErrorCode } from '../protocol/error-codes.ts';
import { heartbeatApi } from '../protocol/heartbeat.ts';
import { joinGroupApi } from '../protocol/join-group.ts';
import { leaveGroupApi } from '../protocol/leave-group.ts';
import { listGroupsApi } from '../protocol/list-groups.ts';
import { offsetCommitApi } from '../protocol/offset-commit.ts';
import { offsetFetchApi } from '../protocol/offset-fetch.ts';
import { syncGroupApi } from '../protocol/sync-group.ts';
import { handler } from './handler.ts';

export const joinGroupHandler = handler(joinGroupApi, (state, request, context) =>
  state.coordinator.join(request, context.clientId, context.clientHost, context.version),
);

export const syncGroupHandler = handler(syncGroupApi, (state, request) => state.coordinator.sync(request));

export const heartbeatHandler = handler(heartbeatApi, (state, request) => ({
  errorCode: state.coordinator.heartbeat(request.groupId, request.memberId, request.generationId),
}));

export const leaveGroupHandler = handler(leaveGroupApi, (state, request) => ({
  errorCode: ErrorCode.NONE,
  members: state.coordinator.leave(request.groupId, request.memberIds),
}));

export const offsetCommitHandler = handler(offsetCommitApi, (state, request) =>
  state.coordinator.commit(request, (topic, partition) => state.topics.partition(topic, partition) !== undefined),
);

export const offsetFetchHandler = handler(offsetFetchApi, (state, request) => state.coordinator.fetchOffsets(request));

export const describeGroupsHandler = handler(describeGroupsApi, (state, request) => ({
  groups: request.groupIds.map((groupId) => state.coordinator.describe(groupId)),
}));

export const listGroupsHandler = handler(listGroupsApi, (state) => ({ groups: state.coordinator.list() }));
