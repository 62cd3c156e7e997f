import { connect, type Socket } from 'node:net';
import type { ISocketFactory } from 'kafkajs';

const produceApiKey = 0;

/**
 * A kafkajs socketFactory that stages network failures on the client side, so the tests
 * using it hold against any broker, real Kafka included:
 * - `loseNextProduceResponse()`: the next Produce request reaches the broker, but its
 *   response is lost and the connection drops, so the producer cannot tell if it was written;
 * - `sever()`: every connection dies and new ones fail, as for a process that crashed.
 */
export function lossyNetwork() {
  const sockets = new Set<Socket>();
  let severed = false;
  let loseProduce = false;
  let lost = 0;

  const socketFactory: ISocketFactory = ({ host, port, onConnect }) => {
    const socket = connect({ host, port }, onConnect);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (severed) process.nextTick(() => socket.destroy(new Error('network severed by the test')));
    let awaiting: number | undefined;
    let inbound = Buffer.alloc(0);
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    socket.write = ((data: unknown, ...rest: unknown[]) => {
      // kafkajs writes each request as one buffer: size, api key, version, correlation id.
      if (loseProduce && Buffer.isBuffer(data) && data.length >= 12 && data.readInt16BE(4) === produceApiKey) {
        loseProduce = false;
        awaiting = data.readInt32BE(8);
      }
      return write(data, ...rest);
    }) as Socket['write'];
    const emit = socket.emit.bind(socket) as (event: string | symbol, ...args: unknown[]) => boolean;
    socket.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event !== 'data' || awaiting === undefined) return emit(event, ...args);
      inbound = Buffer.concat([inbound, args[0] as Buffer]);
      while (inbound.length >= 8 && inbound.length >= 4 + inbound.readInt32BE(0)) {
        const size = 4 + inbound.readInt32BE(0);
        const frame = inbound.subarray(0, size);
        inbound = inbound.subarray(size);
        if (frame.readInt32BE(4) === awaiting) {
          awaiting = undefined;
          lost++;
          // With an error: kafkajs listens for 'error' and 'end', not for a bare 'close'.
          socket.destroy(new Error('produce response lost by the test'));
          return true;
        }
        emit('data', frame);
      }
      return true;
    }) as Socket['emit'];
    return socket;
  };

  return {
    socketFactory,
    loseNextProduceResponse() {
      loseProduce = true;
    },
    /** How many responses were lost so far. */
    get lost() {
      return lost;
    },
    sever() {
      severed = true;
      for (const socket of sockets) socket.destroy(new Error('network severed by the test'));
    },
  };
}
