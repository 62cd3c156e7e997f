import type { Clock } from '../bus/message-bus.ts';
import type { Timeline } from '../bus/timeline.ts';
import { pivotOf, type SagaStep, type Workflow } from './workflow.ts';

export type StepResult = { ok: true } | { ok: false; reason: string };

export interface StepRequest {
  sagaId: string;
  /**
   * The same key on a retry or a redelivery makes the service answer as before without
   * doing the work again. Without a key, every call does the work again.
   */
  idempotencyKey?: string;
}

/** The saga's own record at its owner (the order, the tenant): where it ended. */
export interface SagaRecord {
  confirm(sagaId: string): Promise<void>;
  cancel(sagaId: string, reason: string): Promise<void>;
}

/** The downstream services as saga code calls them: do a step, undo a step, settle the record. */
export interface SagaServices {
  perform(step: string, request: StepRequest): Promise<StepResult>;
  compensate(step: string, request: StepRequest): Promise<void>;
  owner: SagaRecord;
}

export type SagaStatus = 'pending' | 'confirmed' | 'cancelled';

/** One thing a service did to its state, in the order it happened. */
export interface Effect {
  seq: number;
  at: number;
  sagaId: string;
  step: string;
  kind: 'performed' | 'failed' | 'refused' | 'compensated' | 'nothing-to-compensate';
}

/** How often a retriable step's service turns it away before it succeeds, unless a test says otherwise. */
export const passingFailures = 3;

interface StepState {
  /** Effects of the step that stand (not undone). More than one means it was done twice. */
  standing: number;
  compensated: boolean;
  answers: Map<string, StepResult>;
  undoKeys: Set<string>;
}

/**
 * The five services (stock, payments, ...) and the owner's record, simulated in memory.
 * They keep state, not call logs, so tests check outcomes: what stands, what was undone,
 * where each saga ended. Like real services they do work twice when asked twice without
 * an idempotency key, and refuse a step whose compensation already ran (a late command
 * must not charge a card that was refunded). A step before the pivot that fails, fails for
 * good; a retriable step fails a few times and then succeeds, and such a passing failure is
 * not remembered under its idempotency key (asking again with the same key tries again).
 */
export class SimulatedServices implements SagaServices {
  readonly effects: Effect[] = [];
  /** Steps that did their work before the step before them stood, e.g. a receipt before payment. */
  readonly outOfOrder: string[] = [];
  /** Settlements that contradict an earlier one (confirmed after cancelled, or the reverse). */
  readonly contradictions: string[] = [];
  /** Undo asked for once the pivot stood, or a cancel after it: a shipped order refunded. */
  readonly pastPivot: string[] = [];
  readonly #workflow: Workflow;
  readonly #clock: Clock;
  readonly #origin: number;
  readonly #timeline: Timeline | undefined;
  readonly #failures = new Map<string, { step: string; left: number }>();
  readonly #states = new Map<string, StepState>();
  readonly #status = new Map<string, SagaStatus>();
  #seq = 0;

  constructor(workflow: Workflow, clock: Clock, timeline?: Timeline) {
    this.#workflow = workflow;
    this.#clock = clock;
    // Effects and the timeline count time from when the services came up.
    this.#origin = clock.now().getTime();
    this.#timeline = timeline;
  }

  #elapsed(): number {
    return this.#clock.now().getTime() - this.#origin;
  }

  /**
   * Opens a saga's record; `failAt` names the step whose service will refuse it: for good
   * before the pivot, `times` times (default `passingFailures`) for a retriable step.
   */
  place(sagaId: string, failAt?: string, times = passingFailures): void {
    if (failAt !== undefined) {
      const spec = this.#stepNamed(failAt);
      this.#failures.set(sagaId, { step: failAt, left: spec.kind === 'retriable' ? times : Infinity });
    }
    this.#status.set(sagaId, 'pending');
    this.#note(`${sagaId} placed${failAt ? ` (${failAt} will fail)` : ''}`);
  }

  readonly owner: SagaRecord = {
    confirm: async (sagaId) => this.#settle(sagaId, 'confirmed', ''),
    cancel: async (sagaId, reason) => {
      const pivot = pivotOf(this.#workflow).step;
      if (this.standing(sagaId, pivot) > 0) this.#pastPivot(`${sagaId} cancelled after ${pivot} stood (${reason})`);
      this.#settle(sagaId, 'cancelled', reason);
    },
  };

  async perform(step: string, request: StepRequest): Promise<StepResult> {
    const spec = this.#stepNamed(step);
    const state = this.#state(request, step);
    const key = request.idempotencyKey;
    const known = key === undefined ? undefined : state.answers.get(key);
    if (known) {
      this.#note(`${step} for ${request.sagaId} asked again with the same key: same answer, no new effect`);
      return known;
    }
    let result: StepResult;
    if (state.compensated) {
      result = { ok: false, reason: `${step} for ${request.sagaId} was already compensated` };
      this.#record(request.sagaId, step, 'refused', `${step} refused for ${request.sagaId}: already compensated`);
    } else if (this.#refuses(request.sagaId, step)) {
      result = { ok: false, reason: `${spec.service} refused ${step} for ${request.sagaId}` };
      this.#record(request.sagaId, step, 'failed', `${step} failed for ${request.sagaId}`);
      // A passing failure is not the answer to remember: the same key asks again.
      if (spec.kind === 'retriable') return result;
    } else {
      this.#checkPredecessor(spec, request.sagaId);
      state.standing += 1;
      result = { ok: true };
      this.#record(request.sagaId, step, 'performed',
        state.standing > 1 ? `${step} done AGAIN for ${request.sagaId} (${state.standing} effects stand)` : `${step} done for ${request.sagaId}`);
    }
    if (key !== undefined) state.answers.set(key, result);
    return result;
  }

  async compensate(step: string, request: StepRequest): Promise<void> {
    const spec = this.#stepNamed(step);
    if (!spec.compensation) {
      throw new Error(`${step} is a ${spec.kind} step of ${this.#workflow.name} and has no compensation: from the pivot on, a saga goes forward.`);
    }
    const state = this.#state(request, step);
    if (request.idempotencyKey !== undefined) {
      if (state.undoKeys.has(request.idempotencyKey)) return;
      state.undoKeys.add(request.idempotencyKey);
    }
    const pivot = pivotOf(this.#workflow).step;
    if (this.standing(request.sagaId, pivot) > 0) {
      this.#pastPivot(`${spec.compensation} for ${request.sagaId} after ${pivot} stood: steps after the pivot go forward`);
    }
    state.compensated = true;
    if (state.standing > 0) {
      state.standing -= 1;
      this.#record(request.sagaId, step, 'compensated', `${spec.compensation} undid ${step} for ${request.sagaId}`);
    } else {
      this.#record(request.sagaId, step, 'nothing-to-compensate', `${spec.compensation} for ${request.sagaId} found no ${step} to undo`);
    }
  }

  statusOf(sagaId: string): SagaStatus | undefined {
    return this.#status.get(sagaId);
  }

  /** How many effects of a step stand for a saga: 1 once done, 0 once undone, 2 if done twice. */
  standing(sagaId: string, step: string): number {
    return this.#states.get(`${sagaId}\u0000${step}`)?.standing ?? 0;
  }

  effectsOf(sagaId: string): Effect[] {
    return this.effects.filter((effect) => effect.sagaId === sagaId);
  }

  #settle(sagaId: string, status: 'confirmed' | 'cancelled', reason: string): void {
    const before = this.#status.get(sagaId);
    if (before === undefined) throw new Error(`No saga ${sagaId} was placed; settle only sagas the test started.`);
    if (before !== 'pending' && before !== status) {
      this.contradictions.push(`${sagaId} ${status} after it was ${before}`);
      this.#note(`${sagaId} ${status} after it was ${before}!`);
      return;
    }
    if (before === 'pending') this.#note(`${sagaId} ${status}${reason ? `: ${reason}` : ''}`);
    this.#status.set(sagaId, status);
  }

  #refuses(sagaId: string, step: string): boolean {
    const failure = this.#failures.get(sagaId);
    if (failure?.step !== step || failure.left <= 0) return false;
    failure.left -= 1;
    return true;
  }

  #pastPivot(text: string): void {
    this.pastPivot.push(text);
    this.#note(`${text}!`);
  }

  #checkPredecessor(spec: SagaStep, sagaId: string): void {
    const index = this.#workflow.steps.indexOf(spec);
    const before = this.#workflow.steps[index - 1];
    if (before && this.standing(sagaId, before.step) === 0) {
      this.outOfOrder.push(`${spec.step} for ${sagaId} ran while ${before.step} was not done`);
    }
  }

  #stepNamed(step: string): SagaStep {
    const spec = this.#workflow.steps.find((s) => s.step === step);
    if (!spec) {
      throw new Error(`"${step}" is not a step of ${this.#workflow.name}; steps: ${this.#workflow.steps.map((s) => s.step).join(', ')}.`);
    }
    return spec;
  }

  #state(request: StepRequest, step: string): StepState {
    if (typeof request?.sagaId !== 'string' || !this.#status.has(request.sagaId)) {
      throw new Error(`${step} was asked for saga ${JSON.stringify(request?.sagaId)}, which was never placed: pass data.sagaId along.`);
    }
    const id = `${request.sagaId}\u0000${step}`;
    const state = this.#states.get(id) ?? { standing: 0, compensated: false, answers: new Map(), undoKeys: new Set() };
    this.#states.set(id, state);
    return state;
  }

  #record(sagaId: string, step: string, kind: Effect['kind'], text: string): void {
    this.effects.push({ seq: this.#seq++, at: this.#elapsed(), sagaId, step, kind });
    this.#note(text);
  }

  #note(text: string): void {
    this.#timeline?.add(this.#elapsed(), text);
  }
}
