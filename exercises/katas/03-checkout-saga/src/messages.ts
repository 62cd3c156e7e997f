import { randomUUID } from 'node:crypto';
import type { BusMessage } from '#graders/testkit/bus/message-bus.ts';
import type { SagaData } from '#graders/testkit/sagas/workflow.ts';

/** A new event or command about one saga, keyed by the saga so its messages stay in order. */
export function sagaMessage(type: string, data: SagaData, causedBy?: BusMessage<SagaData>): BusMessage<SagaData> {
  return {
    id: randomUUID(),
    type,
    key: data.sagaId,
    ...(causedBy && { causationId: causedBy.id }),
    data,
  };
}
