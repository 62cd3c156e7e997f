import { connect } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { embeddedOnly, embeddedOnlySuffix } from '../embedded-only.ts';
import { startEmbeddedBroker } from '../start-embedded-broker.ts';
import { requestFrame, validFrames } from './request-frames.ts';

/** Sends `bytes` on a new connection, half-closes it, and resolves when the broker has closed it too. */
function sendAndClose(port: number, bytes: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.end(bytes));
    socket.on('data', () => {});
    socket.on('error', () => {});
    socket.on('close', () => resolve());
  });
}

/** A long-lived client that must keep getting answers while the fuzzing goes on. */
function controlClient(port: number) {
  const socket = connect({ host: '127.0.0.1', port });
  let inbound = Buffer.alloc(0);
  let waiting: ((correlationId: number) => void) | undefined;
  socket.on('data', (chunk) => {
    inbound = Buffer.concat([inbound, chunk]);
    while (inbound.length >= 4 && inbound.length >= 4 + inbound.readInt32BE(0)) {
      const correlationId = inbound.readInt32BE(4);
      inbound = inbound.subarray(4 + inbound.readInt32BE(0));
      waiting?.(correlationId);
    }
  });
  let next = 1;
  return {
    ask(): Promise<number> {
      const id = next++;
      return new Promise((resolve) => {
        waiting = resolve;
        socket.write(requestFrame(18, 2, () => {}, id));
      });
    },
    close: () => socket.destroy(),
    next: () => next,
  };
}

const mutatedFrame = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc.uint8Array({ minLength: 8, maxLength: 300 }).map((body) => {
    const frame = Buffer.alloc(4 + body.length);
    frame.writeInt32BE(body.length, 0);
    frame.set(body, 4);
    return frame;
  }),
  fc.record({ seed: fc.constantFrom(...validFrames), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }) }).map(({ seed, flips }) => {
    const frame = Buffer.from(seed);
    for (const [at, value] of flips) frame[4 + (at % (frame.length - 4))] = value;
    return frame;
  }),
  fc.record({ seed: fc.constantFrom(...validFrames), cut: fc.nat() }).map(({ seed, cut }) => seed.subarray(0, cut % seed.length)),
  fc.record({ seed: fc.constantFrom(...validFrames), size: fc.integer() }).map(({ seed, size }) => {
    const frame = Buffer.from(seed);
    frame.writeInt32BE(size, 0);
    return frame;
  }),
  fc.record({ seed: fc.constantFrom(...validFrames), key: fc.integer({ min: -32768, max: 32767 }), version: fc.integer({ min: -32768, max: 32767 }) }).map(
    ({ seed, key, version }) => {
      const frame = Buffer.from(seed);
      frame.writeInt16BE(key, 4);
      frame.writeInt16BE(version, 6);
      return frame;
    },
  ),
  fc.record({ seed: fc.constantFrom(...validFrames), extra: fc.uint8Array({ maxLength: 50 }) }).map(({ seed, extra }) => {
    // Trailing bytes inside the frame: a body longer than its grammar.
    const frame = Buffer.concat([seed, Buffer.from(extra)]);
    frame.writeInt32BE(frame.length - 4, 0);
    return frame;
  }),
);

describe(`the broker fed random and mutated frames ${embeddedOnlySuffix}`, embeddedOnly, () => {
  it('answers or closes each bad connection, never throws inside, and keeps serving other clients', async () => {
    await using broker = await startEmbeddedBroker();
    const internal: Error[] = [];
    broker.events.on('internal-error', (error) => internal.push(error));
    const control = controlClient(broker.port);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(mutatedFrame, { minLength: 1, maxLength: 3 }), async (frames) => {
          await sendAndClose(broker.port, Buffer.concat(frames));
          const expected = control.next();
          expect(await control.ask()).toBe(expected);
          expect(internal).toEqual([]);
        }),
        { numRuns: 400 },
      );
    } finally {
      control.close();
    }
    // And a real client still works end to end.
    await using kafka = await freshKafka('after-fuzz', { on: broker });
    const producer = kafka.client.producer();
    await producer.connect();
    const [result] = await producer.send({ topic: kafka.topic, messages: [{ value: 'still here' }] });
    await producer.disconnect();
    expect(result!.errorCode).toBe(0);
  });

  it('closes a connection that announces an oversized request without reading it', async () => {
    await using broker = await startEmbeddedBroker({ maxRequestBytes: 1024 });
    const reasons: string[] = [];
    broker.events.on('protocol-error', ({ reason }) => reasons.push(reason));
    const header = Buffer.alloc(4);
    header.writeInt32BE(10_000, 0);
    await new Promise<void>((resolve) => {
      // No end() from this side: the broker must be the one to close.
      const socket = connect({ host: '127.0.0.1', port: broker.port }, () => socket.write(header));
      socket.on('error', () => {});
      socket.on('close', () => resolve());
    });
    expect(reasons).toEqual(['request size 10000 is outside 0..1024 bytes']);
  });

  it('answers an ApiVersions request above its range with UNSUPPORTED_VERSION and the supported list', async () => {
    await using broker = await startEmbeddedBroker();
    const response = await new Promise<Buffer>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: broker.port }, () => socket.write(requestFrame(18, 3, () => {}, 42)));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data);
      });
    });
    expect(response.readInt32BE(4)).toBe(42);
    expect(response.readInt16BE(8)).toBe(35);
    expect(response.readInt32BE(10)).toBeGreaterThan(10);
  });
});
