/** The command that made the fact happen, as the service received it. */
export interface Cause {
  /** Id of the command (e.g. PlaceOrder) whose handling produced the event. */
  commandId: string;
  /** Id of the whole business flow, carried by every command and event of it. */
  correlationId: string;
}
