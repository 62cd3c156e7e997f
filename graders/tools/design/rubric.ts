/**
 * The critique rubric's dimensions, the same for every design kata; each kata's exercise.json
 * weighs them for its domain (`rubric.weights`, 1 as usual, 2 higher, 3 highest). The seven
 * dimensions are the ones the kata seed's "critique calibration" names; what each asks is the
 * course's own wording.
 */
export const dimensions = [
  { id: 'security-posture', name: 'Security Posture', asks: 'who can reach what: authentication between components, encryption in transit and at rest, least privilege' },
  { id: 'compliance', name: 'Compliance', asks: 'the rules the data is under (GDPR, for example): personal data protected before it is stored, access audited, retention honoured' },
  { id: 'nfr-compliance', name: 'NFR Compliance', asks: 'every NFR met by named components, with a figure and its arithmetic that shows it' },
  { id: 'data-flow-coherence', name: 'Data Flow Coherence', asks: 'each flow goes the right way, sync or async for a reason, with the delivery guarantee its receiver relies on' },
  { id: 'cost-awareness', name: 'Cost Awareness', asks: 'the monthly bill computed from the capacity model and set against the budget, the expensive parts named' },
  { id: 'operational-readiness', name: 'Operational Readiness', asks: 'what the team runs, watches and is paged for; how it deploys, upgrades and replays' },
  { id: 'failure-handling', name: 'Failure Handling', asks: 'what happens when each component is slow or down: backpressure, retries, dead letters, no silent loss' },
] as const;

export type DimensionId = (typeof dimensions)[number]['id'];
export type Weights = Record<DimensionId, number>;
export type Scores = Record<DimensionId, number>;

/** A self-score runs from 1 (the design misses this) to 5 (nothing to add). */
export const lowest = 1;
export const highest = 5;

/** Σ weight × score / Σ weight, on the 1-5 scale, to one decimal. */
export function weightedScore(scores: Scores, weights: Weights): number {
  const total = dimensions.reduce((sum, d) => sum + weights[d.id], 0);
  const sum = dimensions.reduce((acc, d) => acc + weights[d.id] * scores[d.id], 0);
  return Math.round((sum / total) * 10) / 10;
}
