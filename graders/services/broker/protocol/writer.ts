/**
 * Builds one response body from Kafka's primitive types into a growing buffer. Record sets
 * are appended as the stored bytes, never copied twice.
 */
export class Writer {
  private buffer: Buffer;
  private length = 0;

  constructor(initialSize = 256) {
    this.buffer = Buffer.allocUnsafe(initialSize);
  }

  private room(size: number): number {
    if (this.length + size > this.buffer.length) {
      const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + size));
      this.buffer.copy(next, 0, 0, this.length);
      this.buffer = next;
    }
    const at = this.length;
    this.length += size;
    return at;
  }

  /** Reserve first: `room` may replace the buffer, so it must run before `this.buffer` is read. */
  private byte(value: number): void {
    const at = this.room(1);
    this.buffer[at] = value;
  }

  int8(value: number): this {
    const at = this.room(1);
    this.buffer.writeInt8(value, at);
    return this;
  }

  boolean(value: boolean): this {
    return this.int8(value ? 1 : 0);
  }

  int16(value: number): this {
    const at = this.room(2);
    this.buffer.writeInt16BE(value, at);
    return this;
  }

  int32(value: number): this {
    const at = this.room(4);
    this.buffer.writeInt32BE(value, at);
    return this;
  }

  uint32(value: number): this {
    const at = this.room(4);
    this.buffer.writeUInt32BE(value, at);
    return this;
  }

  int64(value: number | bigint): this {
    const at = this.room(8);
    this.buffer.writeBigInt64BE(BigInt(value), at);
    return this;
  }

  nullableString(value: string | null): this {
    if (value === null) return this.int16(-1);
    const size = Buffer.byteLength(value);
    this.int16(size);
    const at = this.room(size);
    this.buffer.write(value, at, 'utf8');
    return this;
  }

  string(value: string): this {
    return this.nullableString(value);
  }

  raw(bytes: Uint8Array): this {
    const at = this.room(bytes.length);
    this.buffer.set(bytes, at);
    return this;
  }

  nullableBytes(value: Uint8Array | null): this {
    if (value === null) return this.int32(-1);
    return this.int32(value.length).raw(value);
  }

  bytes(value: Uint8Array): this {
    return this.nullableBytes(value);
  }

  nullableArray<T>(items: readonly T[] | null, item: (writer: Writer, value: T) => void): this {
    if (items === null) return this.int32(-1);
    this.int32(items.length);
    for (const value of items) item(this, value);
    return this;
  }

  array<T>(items: readonly T[], item: (writer: Writer, value: T) => void): this {
    return this.nullableArray(items, item);
  }

  int32Array(items: readonly number[]): this {
    return this.array(items, (w, v) => w.int32(v));
  }

  varint(value: number): this {
    let v = ((value << 1) ^ (value >> 31)) >>> 0;
    while (v >= 0x80) {
      this.byte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.byte(v);
    return this;
  }

  varlong(value: number): this {
    let v = BigInt.asUintN(64, (BigInt(value) << 1n) ^ (BigInt(value) >> 63n));
    while (v >= 0x80n) {
      this.byte(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.byte(Number(v));
    return this;
  }

  varBytes(value: Uint8Array | null): this {
    if (value === null) return this.varint(-1);
    return this.varint(value.length).raw(value);
  }

  get size(): number {
    return this.length;
  }

  /** A view of what was written; valid until the next write. */
  toBuffer(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}
