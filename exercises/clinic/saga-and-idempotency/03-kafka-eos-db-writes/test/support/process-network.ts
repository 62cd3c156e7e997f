import { connect, type Socket } from 'node:net';
import type { ISocketFactory } from 'kafkajs';

/** Kafka API keys of the requests a staged crash waits for. */
export const apiKey = { produce: 0, offsetCommit: 8, addPartitionsToTxn: 24, addOffsetsToTxn: 25, endTxn: 26, txnOffsetCommit: 28 } as const;
export const transactionalRequests: readonly number[] = [apiKey.produce, apiKey.addPartitionsToTxn, apiKey.addOffsetsToTxn, apiKey.endTxn, apiKey.txnOffsetCommit];

/**
 * One service process's network to the broker, as a kafkajs socketFactory. `holdBack` decides,
 * request by request, whether a request never leaves the process (it was about to be sent
 * when the process died); `sever()` kills every connection and refuses new ones.
 * kafkajs writes each request as one buffer: size, api key, version, correlation id.
 */
export function processNetwork() {
  const sockets = new Set<Socket>();
  const watchers = new Set<(key: number) => boolean>();
  let severed = false;
  let holdBack: (key: number) => boolean = () => false;

  const socketFactory: ISocketFactory = ({ host, port, onConnect }) => {
    const socket = connect({ host, port }, onConnect);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (severed) process.nextTick(() => socket.destroy(new Error('the process is dead')));
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    socket.write = ((data: unknown, ...rest: unknown[]) => {
      const key = Buffer.isBuffer(data) && data.length >= 6 ? data.readInt16BE(4) : -1;
      for (const watcher of [...watchers]) if (watcher(key)) watchers.delete(watcher);
      if (severed || holdBack(key)) return true;
      return write(data, ...rest);
    }) as Socket['write'];
    return socket;
  };

  return {
    socketFactory,
    /** From now on, requests with a key `hold` accepts are never sent. */
    holdBack(hold: (key: number) => boolean) {
      holdBack = hold;
    },
    /** Resolves when the process writes a request whose key is one of `keys`. */
    nextRequest(keys: readonly number[]): Promise<number> {
      return new Promise((resolve) => watchers.add((key) => keys.includes(key) && (resolve(key), true)));
    },
    /** Resolves when the process writes its n-th request with this key. */
    nthRequest(key: number, n: number): Promise<void> {
      let seen = 0;
      return new Promise((resolve) => watchers.add((written) => written === key && ++seen === n && (resolve(), true)));
    },
    sever() {
      severed = true;
      for (const socket of sockets) socket.destroy(new Error('the process is dead'));
    },
  };
}
