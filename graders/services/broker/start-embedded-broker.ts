import { createServer, type Server, type Socket } from 'node:net';
import type { BrokerEvents } from './broker-events.ts';
import { type BrokerOptions, BrokerState } from './broker-state.ts';
import type { BrokerFaults } from './faults.ts';
import { Connection } from './server/connection.ts';

export type { BrokerOptions } from './broker-state.ts';

/** A running embedded broker. `await using` stops it at the end of the scope. */
export interface EmbeddedBroker extends AsyncDisposable {
  host: string;
  port: number;
  /** Bootstrap servers in the form kafkajs takes: `['127.0.0.1:PORT']`. */
  brokers: string[];
  faults: BrokerFaults;
  events: BrokerEvents;
  /** Read-only view of the broker's state, for assertions that kafkajs cannot make. */
  state: BrokerState;
  stop(): Promise<void>;
}

/**
 * Starts the course's Kafka-protocol broker on loopback (a free port unless one is given).
 * Everything is in memory and in this process: start-up is a socket bind.
 */
export async function startEmbeddedBroker(options: BrokerOptions = {}): Promise<EmbeddedBroker> {
  const sockets = new Set<Socket>();
  const closeAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const state = new BrokerState(options, closeAll);
  const server: Server = createServer((socket) => {
    if (state.faults.unavailable) {
      state.faults.reportRefused();
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    new Connection(socket, state);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`The embedded broker could not listen on ${host}:${options.port ?? 0} (${error.code ?? error.message}); pick another port or leave it at 0.`)),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The embedded broker got no TCP address.');
  state.host = host;
  state.port = address.port;
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= new Promise<void>((resolve) => {
      state.stop();
      closeAll();
      server.close(() => resolve());
    });
    return stopped;
  };
  return {
    host,
    port: address.port,
    brokers: [`${host}:${address.port}`],
    faults: state.faults,
    events: state.events,
    state,
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
