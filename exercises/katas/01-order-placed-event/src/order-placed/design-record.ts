import type { DesignRecord } from '../design-record.ts';

/** The decisions around OrderPlaced: topic, consumers, the field left off, the extra property, the outbox. */
export function designRecord(): DesignRecord {
  throw new Error('TODO: return the OrderPlaced design record; see README "What to produce" and src/design-record.ts.');
}
