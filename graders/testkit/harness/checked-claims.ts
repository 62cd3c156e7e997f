import { expect } from 'vitest';

/**
 * Answers earn points only through claims the course can check against what the code
 * does: a line `Label: value` under a heading, a prediction the test then stages. The
 * prose around a claim is the learner's reflection; it is linted, never scored, so
 * plausible words under the right heading earn nothing on their own.
 */

/** The value of the first `Label: value` line of a section (case-insensitive label), if any. */
export function claimValue(text: string, label: string): string | undefined {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^\\s*(?:[-*]\\s+)?\\**${escaped}\\**:\\**\\s*(.+?)\\s*$`, 'im').exec(text);
  return match?.[1]?.replace(/^[`*_]+|[`*_.]+$/g, '').trim() || undefined;
}

/**
 * The claim a section makes, which must be one of `allowed` (compared case-insensitively):
 * fails with a message saying which line to write when it is missing or says something else.
 */
export function expectClaim(text: string, where: string, label: string, allowed: readonly string[]): string {
  const value = claimValue(text, label);
  const choices = allowed.map((choice) => `"${label}: ${choice}"`).join(', ');
  expect(value, `${where} needs a line ${allowed.length === 1 ? choices : `such as ${choices}`}`).toBeDefined();
  const chosen = allowed.find((choice) => choice.toLowerCase() === value!.toLowerCase());
  expect(chosen, `${where}: "${label}: ${value}" is not one of ${choices}`).toBeDefined();
  return chosen!;
}

/** The claim a section names freely (an index, a column): fails when the line is missing. */
export function expectNamedClaim(text: string, where: string, label: string, example: string): string {
  const value = claimValue(text, label);
  expect(value, `${where} needs a line "${label}: ${example}" naming it`).toBeDefined();
  return value!;
}

/**
 * Compares a prediction with what staging it showed: the message puts both side by side,
 * with what was staged, so a wrong prediction reads as the lesson it is.
 */
export function expectPredictionHolds<T>(predicted: T, observed: T, scenario: string): void {
  expect(predicted, `${scenario}: you predicted ${String(predicted)}; staged against your code it ends ${String(observed)}`).toBe(observed);
}
