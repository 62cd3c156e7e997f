import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { ReserveStock, StockReply } from './messages.ts';

/** What the stock service hands its consumer. */
export interface StockConsumerDeps {
  pool: pg.Pool;
  clock: Clock;
}

/** The consumer as the service and the tests call it; keep this shape when you repair it. */
export interface StockConsumer {
  /** Holds stock for one ReserveStock and answers it. */
  handle(command: ReserveStock): Promise<StockReply>;
}
