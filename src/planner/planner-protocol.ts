/** Messages between the request thread and a planner worker (structured-cloned plain data). */
import type { ReadModelChange, ReadModelRows } from '../read-model/read-model';
import type { PlannerTaskName, PlannerTasks } from './planner-tasks';

export type PlannerMessage =
  | { type: 'init'; rows: ReadModelRows }
  | { type: 'change'; change: ReadModelChange }
  | { type: 'task'; id: number; name: PlannerTaskName; input: PlannerTasks[PlannerTaskName][0] };

export interface PlannerFailure {
  /** Thrown as a DomainError (src/domain/errors.ts). */
  domain: boolean;
  code: string | null;
  message: string;
  details: Record<string, unknown> | null;
}

export type PlannerReply =
  | { type: 'done'; id: number; output: unknown }
  | { type: 'failed'; id: number; error: PlannerFailure };
