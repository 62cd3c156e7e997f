import type { Socket } from 'node:net';
import type { BrokerState } from '../broker-state.ts';
import { closeConnection, noResponse } from '../handlers/handler.ts';
import { handlers, supportedApis } from '../handlers/registry.ts';
import { apiVersionsApi } from '../protocol/api-versions.ts';
import { ErrorCode } from '../protocol/error-codes.ts';
import { MalformedRequest, Reader } from '../protocol/reader.ts';
import { Writer } from '../protocol/writer.ts';

/** Requests queued past this many stop the socket being read, as Kafka mutes a busy channel. */
const maxQueued = 64;

/**
 * One client connection. Frames are `size INT32` then the request; requests are handled
 * one at a time in arrival order, so responses go out in order, as Kafka guarantees.
 * A frame that breaks the protocol closes this connection and no other.
 */
export class Connection {
  private readonly socket: Socket;
  private readonly state: BrokerState;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private readonly queue: Buffer[] = [];
  private busy = false;
  private closed = false;
  private readonly aborter = new AbortController();
  private readonly clientHost: string;
  /** Kept so close() can remove it: a listener left on the broker-wide signal kept every closed connection alive. */
  private readonly closeOnStop = () => this.close();

  constructor(socket: Socket, state: BrokerState) {
    this.socket = socket;
    this.state = state;
    this.clientHost = `/${socket.remoteAddress ?? 'unknown'}`;
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
    state.stopSignal.addEventListener('abort', this.closeOnStop, { once: true });
    state.stats.openConnections++;
  }

  close(reason?: string): void {
    if (this.closed) return;
    this.closed = true;
    this.state.stopSignal.removeEventListener('abort', this.closeOnStop);
    // A client cut mid-frame leaves its partial frame here; queued frames will never be handled.
    this.chunks = [];
    this.buffered = 0;
    this.queue.length = 0;
    if (reason) this.state.events.emit('protocol-error', { reason });
    this.aborter.abort();
    this.socket.destroy();
    this.state.stats.openConnections--;
    this.state.events.emit('connection-closed', { open: this.state.stats.openConnections });
  }

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (!this.closed && this.buffered >= 4) {
      const head = this.chunks[0]!.length >= 4 ? this.chunks[0]! : this.flatten();
      const size = head.readInt32BE(0);
      if (size < 0 || size > this.state.settings.maxRequestBytes) {
        this.close(`request size ${size} is outside 0..${this.state.settings.maxRequestBytes} bytes`);
        return;
      }
      if (this.buffered < 4 + size) break;
      const all = this.flatten();
      this.queue.push(all.subarray(4, 4 + size));
      const rest = all.subarray(4 + size);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
    }
    if (this.queue.length >= maxQueued) this.socket.pause();
    void this.drain();
  }

  private flatten(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0]!;
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (!this.closed && this.queue.length > 0) {
        await this.handle(this.queue.shift()!);
        if (this.queue.length < maxQueued && !this.closed) this.socket.resume();
      }
    } finally {
      this.busy = false;
    }
  }

  private async handle(frame: Buffer): Promise<void> {
    let apiKey: number;
    let version: number;
    let correlationId: number;
    let clientId: string;
    const reader = new Reader(frame);
    try {
      apiKey = reader.int16();
      version = reader.int16();
      correlationId = reader.int32();
      clientId = reader.nullableString() ?? '';
    } catch (error) {
      return this.close(`malformed request header: ${(error as Error).message}`);
    }
    const api = handlers.get(apiKey);
    if (!api) return this.close(`unknown API key ${apiKey}`);
    const { codec } = api;
    if (version < codec.minVersion || version > codec.maxVersion) {
      if (apiKey === apiVersionsApi.key) {
        // Kafka's answer to a too-new ApiVersions: the v0 layout, so any client can read it.
        return this.send(correlationId, (w) =>
          apiVersionsApi.encodeResponse(w, 0, { errorCode: ErrorCode.UNSUPPORTED_VERSION, apiKeys: supportedApis }),
        );
      }
      return this.close(`${codec.name} v${version} is not supported (v${codec.minVersion}-v${codec.maxVersion} are)`);
    }
    const { stats } = this.state;
    stats.requests++;
    let started = performance.now();
    try {
      const request = codec.decodeRequest(reader, version);
      const pending = api.handle(this.state, request, {
        version,
        clientId,
        clientHost: this.clientHost,
        signal: this.aborter.signal,
      });
      stats.busyMs += performance.now() - started;
      const outcome = await pending;
      if (outcome === noResponse || this.closed) return;
      if (outcome === closeConnection) return this.close();
      started = performance.now();
      const sent = this.send(correlationId, (w) => codec.encodeResponse(w, version, outcome));
      stats.busyMs += performance.now() - started;
      await sent;
    } catch (error) {
      if (error instanceof MalformedRequest) return this.close(`malformed ${codec.name} v${version}: ${error.message}`);
      this.state.events.emit('internal-error', error as Error);
      this.close();
    }
  }

  private async send(correlationId: number, body: (writer: Writer) => void): Promise<void> {
    const writer = new Writer(512);
    writer.int32(0).int32(correlationId);
    body(writer);
    const frame = writer.toBuffer();
    frame.writeInt32BE(frame.length - 4, 0);
    if (this.closed) return;
    if (!this.socket.write(frame)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.socket.off('drain', done);
          this.socket.off('close', done);
          resolve();
        };
        this.socket.on('drain', done);
        this.socket.on('close', done);
      });
    }
  }
}
