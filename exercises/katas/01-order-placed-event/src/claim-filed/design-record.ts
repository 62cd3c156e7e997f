import type { DesignRecord } from '../design-record.ts';

/** The decisions around ClaimFiled: topic, consumers, the field left off, the extra property, the outbox. */
export function designRecord(): DesignRecord {
  throw new Error('TODO: return the ClaimFiled design record; see README "What to produce" and src/design-record.ts.');
}
