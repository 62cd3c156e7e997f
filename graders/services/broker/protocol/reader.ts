/**
 * Reads Kafka's primitive types from one request frame, checking every bound. A short or
 * inconsistent frame throws MalformedRequest, never a RangeError, so the connection layer can
 * tell a client's bad bytes (close that connection) from a broker bug.
 */
export class MalformedRequest extends Error {
  override name = 'MalformedRequest';
}

export class Reader {
  offset: number;
  readonly buffer: Buffer;
  readonly end: number;

  constructor(buffer: Buffer, offset = 0, end = buffer.length) {
    this.buffer = buffer;
    this.offset = offset;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  private take(size: number, what: string): number {
    if (size < 0 || this.offset + size > this.end) {
      throw new MalformedRequest(`truncated ${what}: need ${size} bytes at ${this.offset}, have ${this.remaining}`);
    }
    const at = this.offset;
    this.offset += size;
    return at;
  }

  int8(): number {
    return this.buffer.readInt8(this.take(1, 'int8'));
  }

  boolean(): boolean {
    return this.int8() !== 0;
  }

  int16(): number {
    return this.buffer.readInt16BE(this.take(2, 'int16'));
  }

  int32(): number {
    return this.buffer.readInt32BE(this.take(4, 'int32'));
  }

  uint32(): number {
    return this.buffer.readUInt32BE(this.take(4, 'uint32'));
  }

  /** Offsets, timestamps and producer ids; every value the broker keeps fits a double exactly. */
  int64(): number {
    const value = this.buffer.readBigInt64BE(this.take(8, 'int64'));
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new MalformedRequest(`int64 ${value} is outside the range this broker handles`);
    }
    return Number(value);
  }

  nullableString(): string | null {
    const length = this.int16();
    if (length === -1) return null;
    if (length < 0) throw new MalformedRequest(`string length ${length}`);
    const at = this.take(length, 'string');
    return this.buffer.toString('utf8', at, at + length);
  }

  string(): string {
    const value = this.nullableString();
    if (value === null) throw new MalformedRequest('null where a string is required');
    return value;
  }

  nullableBytes(): Buffer | null {
    const length = this.int32();
    if (length === -1) return null;
    if (length < 0) throw new MalformedRequest(`bytes length ${length}`);
    const at = this.take(length, 'bytes');
    return this.buffer.subarray(at, at + length);
  }

  bytes(): Buffer {
    return this.nullableBytes() ?? Buffer.alloc(0);
  }

  nullableArray<T>(item: (reader: Reader) => T): T[] | null {
    const count = this.int32();
    if (count === -1) return null;
    // Every element takes at least one byte, so a count past the frame's end is a lie.
    if (count < 0 || count > this.remaining) throw new MalformedRequest(`array count ${count}`);
    const items: T[] = [];
    for (let i = 0; i < count; i++) items.push(item(this));
    return items;
  }

  array<T>(item: (reader: Reader) => T): T[] {
    return this.nullableArray(item) ?? [];
  }

  /** Zig-zag varint as used inside record batches (at most 5 bytes). */
  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (shift > 28) throw new MalformedRequest('varint longer than 5 bytes');
      const byte = this.buffer[this.take(1, 'varint')]!;
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
      shift += 7;
    }
    return (result >>> 1) ^ -(result & 1);
  }

  /** Zig-zag varlong (at most 10 bytes), for timestamp deltas. */
  varlong(): number {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (shift > 63n) throw new MalformedRequest('varlong longer than 10 bytes');
      const byte = this.buffer[this.take(1, 'varlong')]!;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
      shift += 7n;
    }
    const value = (result >> 1n) ^ -(result & 1n);
    return Number(BigInt.asIntN(64, value));
  }

  /** Varint-length bytes inside a record: -1 means null. */
  varBytes(): Buffer | null {
    const length = this.varint();
    if (length === -1) return null;
    if (length < 0) throw new MalformedRequest(`record field length ${length}`);
    const at = this.take(length, 'record field');
    return this.buffer.subarray(at, at + length);
  }

  expectEnd(what: string): void {
    if (this.remaining !== 0) throw new MalformedRequest(`${this.remaining} unexpected bytes after ${what}`);
  }
}
