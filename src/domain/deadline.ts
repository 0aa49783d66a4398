/**
 * A request's deadline as a clock time. Work checks it between steps (each resolver, each round of a
 * long loop), so a request past its deadline stops its work, not only its answer. A timestamp rather
 * than an AbortSignal: a synchronous loop never lets a timer fire, but it can read the clock.
 */
import { DomainError } from './errors';

export interface Deadline {
  /** Milliseconds since the epoch (Date.now()) after which work must stop. */
  readonly expiresAt: number;
}

export const NO_DEADLINE: Deadline = { expiresAt: Infinity };

export class DeadlineExceededError extends DomainError {
  constructor() {
    super('TIMEOUT', 'The request ran past its deadline and was stopped');
  }
}

/** Throws DeadlineExceededError (TIMEOUT) once the deadline has passed. */
export function checkDeadline(deadline: Deadline | undefined): void {
  if (deadline && Date.now() > deadline.expiresAt) throw new DeadlineExceededError();
}
