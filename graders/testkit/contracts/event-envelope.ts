/**
 * The envelope every event in this course travels in. The payload (`data`) belongs to the
 * producer's domain; the envelope fields belong to everyone, so that any consumer can
 * deduplicate, trace and evolve without asking the producer. Its JSON Schema is
 * graders/schemas/event-envelope.schema.json; the two must agree field for field.
 */
export interface EventEnvelope<TType extends string = string, TData extends object = Record<string, unknown>> {
  /**
   * Unique identity of this one occurrence: a UUID (v4 or v7) or a ULID. Consumers
   * deduplicate on it, because the broker delivers at least once.
   */
  id: string;
  /**
   * What happened, as a fact in PascalCase past tense (`OrderPlaced`, `ClaimFiled`,
   * `UserSignedUp`). Never a command (`PlaceOrder`) or an ongoing action (`OrderPlacing`).
   */
  type: TType;
  /**
   * Schema version of `data` for this `type`: an integer from 1, raised on every breaking
   * change so that old and new consumers can tell the shapes apart.
   */
  version: number;
  /**
   * Stable name of the producing service, lower case words joined by dots or dashes
   * (`checkout`, `claims.intake`). Not a host name: hosts change, producers do not.
   */
  source: string;
  /**
   * When the fact happened in the domain (not when it was published), as ISO-8601 in UTC
   * with a `Z`, e.g. `2026-04-23T02:45:12.413Z`. Local times and offsets are refused.
   */
  occurredAt: string;
  /**
   * Identity of the whole business flow this event belongs to (a checkout, a claim), the
   * same on every command and event of that flow, so one search finds all of it.
   */
  correlationId: string;
  /**
   * Identity of the command or event that directly caused this one: one step back along
   * the chain, where `correlationId` names the whole chain.
   */
  causationId: string;
  /**
   * The domain payload: stable identifiers and the facts consumers need, and nothing a
   * consumer must not see (personal data, secrets).
   */
  data: TData;
}
