/** The module guide's interpretation of the closed-book diagnostic, by solid answers out of five. */
export function interpretDiagnostic(solid: number): string {
  if (solid >= 4) return 'You are ready for the full path.';
  if (solid >= 2) return 'Continue, but expect extra time in clusters 2 and 4 (outbox and saga).';
  return (
    'Revisit Semester 7 Module 2 (cluster 3: event-driven topologies) and Semester 6 Module 3 ' +
    '(replication and log-based thinking) before continuing.'
  );
}
