import { apiVersionsApi } from '../protocol/api-versions.ts';
import { createPartitionsHandler, deleteGroupsHandler, deleteRecordsHandler } from './admin-handlers.ts';
import { alterConfigsHandler, describeConfigsHandler, incrementalAlterConfigsHandler } from './config-handlers.ts';
import { ErrorCode } from '../protocol/error-codes.ts';
import { fetchHandler, listOffsetsHandler } from './fetch-handler.ts';
import {
  describeGroupsHandler,
  heartbeatHandler,
  joinGroupHandler,
  leaveGroupHandler,
  listGroupsHandler,
  offsetCommitHandler,
  offsetFetchHandler,
  syncGroupHandler,
} from './group-handlers.ts';
import { type ApiHandler, handler } from './handler.ts';
import { produceHandler } from './produce-handler.ts';
import { createTopicsHandler, deleteTopicsHandler, metadataHandler } from './topic-handlers.ts';
import {
  addOffsetsToTxnHandler,
  addPartitionsToTxnHandler,
  endTxnHandler,
  findCoordinatorHandler,
  initProducerIdHandler,
  txnOffsetCommitHandler,
} from './transaction-handlers.ts';

const others: ApiHandler<any, any>[] = [
  produceHandler,
  fetchHandler,
  listOffsetsHandler,
  metadataHandler,
  offsetCommitHandler,
  offsetFetchHandler,
  findCoordinatorHandler,
  joinGroupHandler,
  heartbeatHandler,
  leaveGroupHandler,
  syncGroupHandler,
  describeGroupsHandler,
  listGroupsHandler,
  createTopicsHandler,
  deleteTopicsHandler,
  initProducerIdHandler,
  addPartitionsToTxnHandler,
  addOffsetsToTxnHandler,
  endTxnHandler,
  txnOffsetCommitHandler,
  deleteRecordsHandler,
  describeConfigsHandler,
  alterConfigsHandler,
  createPartitionsHandler,
  deleteGroupsHandler,
  incrementalAlterConfigsHandler,
];

/** Exactly the versions implemented; clients negotiate down to them. */
export const supportedApis = [apiVersionsApi, ...others.map((h) => h.codec)]
  .map((c) => ({ key: c.key, minVersion: c.minVersion, maxVersion: c.maxVersion }))
  .sort((a, b) => a.key - b.key);

const apiVersionsHandler = handler(apiVersionsApi, () => ({ errorCode: ErrorCode.NONE, apiKeys: supportedApis }));

export const handlers = new Map<number, ApiHandler<any, any>>(
  [apiVersionsHandler, ...others].map((h) => [h.codec.key, h]),
);
