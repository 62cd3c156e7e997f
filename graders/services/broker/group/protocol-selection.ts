/** A member's supported assignment protocols, in its order of preference. */
export interface ProtocolChoice {
  protocols: { name: string; metadata: Buffer }[];
}

/**
 * Kafka's choice of the group's protocol: among the protocols every member supports, each
 * member votes for the one it prefers most, and the most votes win (ties to the first).
 */
export function selectProtocol(members: readonly ProtocolChoice[]): string {
  const common = (members[0]?.protocols ?? [])
    .map((p) => p.name)
    .filter((name) => members.every((m) => m.protocols.some((p) => p.name === name)));
  const votes = new Map<string, number>();
  for (const m of members) {
    const choice = m.protocols.find((p) => common.includes(p.name))?.name;
    if (choice !== undefined) votes.set(choice, (votes.get(choice) ?? 0) + 1);
  }
  return [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? common[0] ?? '';
}

/** Whether a rejoining member changed its protocols or their metadata (its subscription). */
export function sameMetadata(a: ProtocolChoice['protocols'], b: ProtocolChoice['protocols']): boolean {
  return a.length === b.length && a.every((p, i) => p.name === b[i]!.name && p.metadata.equals(b[i]!.metadata));
}
