import type { Finding } from './event-names.ts';

type Schema = Record<string, unknown>;
const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The modes an event can be published in, as a schema declares with "x-mode". */
export const eventModes = ['notification', 'state-transfer', 'sourcing'] as const;

/** A payload property that references an entity by its stable id (orderId) or several (productIds). */
export const isIdField = (name: string) => /[a-z0-9](Id|Ids)$/.test(name);

/**
 * Whether a schema's payload agrees with the mode it declares with "x-mode" (a schema that
 * declares none is not judged): a notification carries ids only; a state transfer requires
 * state beyond ids, so consumers never call back; a sourcing event requires the change and
 * is read back by its own producer ("x-producer" among "x-consumers"), whose record it is.
 */
export function modeFindings(schema: Schema, event: string): Finding[] {
  if (!('x-mode' in schema)) return [];
  const mode = schema['x-mode'];
  if (!eventModes.includes(mode as never)) {
    return [{ event, rule: 'mode/declared', problem: `"x-mode": ${JSON.stringify(mode)} is not a mode`, fix: `declare one of ${eventModes.join(', ')}` }];
  }
  const data = isObject(schema.properties) && isObject(schema.properties.data) ? schema.properties.data : {};
  const required = new Set(Array.isArray(data.required) ? data.required : []);
  const fields = Object.keys(isObject(data.properties) ? data.properties : {});
  const state = fields.filter((field) => !isIdField(field));
  const requiresState = state.some((field) => required.has(field));
  const findings: Finding[] = [];
  const add = (rule: string, problem: string, fix: string) => findings.push({ event, rule, problem, fix });
  if (mode === 'notification' && fields.length === 0) add('mode/notification', 'a notification that names no entity', 'carry the id of what the event is about, e.g. data.orderId');
  if (mode === 'notification' && state.length > 0) {
    add('mode/notification', `a notification that carries state (${state.map((f) => `data.${f}`).join(', ')})`, 'carry ids only and let consumers ask the owner, or declare "x-mode": "state-transfer"');
  }
  if (mode === 'state-transfer' && !requiresState) {
    add('mode/state-transfer', 'a state transfer that requires no field beyond ids: consumers would have to call back', 'require the state consumers need, or declare "x-mode": "notification"');
  }
  if (mode === 'sourcing' && !requiresState) add('mode/sourcing', 'a sourcing event that requires no field beyond ids: replaying it rebuilds nothing', 'require the change itself (points, amount, new value)');
  const consumers = schema['x-consumers'];
  if (mode === 'sourcing' && 'x-producer' in schema && Array.isArray(consumers) && !consumers.includes(schema['x-producer'])) {
    add('mode/sourcing', `its producer ${JSON.stringify(schema['x-producer'])} is not among its consumers`, 'list the producer in "x-consumers": a sourcing log is its producer\'s own record');
  }
  return findings;
}
