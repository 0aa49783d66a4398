/**
 * Worker-thread entry: keeps its own copy of the read model, patched by the changes the request thread
 * forwards (in the order they were made, before any later task), and answers planner tasks on it.
 */
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../domain/errors';
import { ReadModel } from '../read-model/read-model';
import type { PlannerMessage, PlannerReply } from './planner-protocol';
import { runPlannerTask } from './planner-tasks';

let model: ReadModel | null = null;

function reply(message: PlannerReply): void {
  parentPort!.postMessage(message);
}

parentPort!.on('message', (message: PlannerMessage) => {
  if (message.type === 'init') {
    model = ReadModel.fromRows(message.rows);
    return;
  }
  if (message.type === 'change') {
    model!.apply(message.change);
    return;
  }
  try {
    reply({ type: 'done', id: message.id, output: runPlannerTask(model!, message.name, message.input) });
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown; details?: unknown };
    reply({
      type: 'failed',
      id: message.id,
      error: {
        domain: err instanceof DomainError,
        code: typeof e.code === 'string' ? e.code : null,
        message: typeof e.message === 'string' ? e.message : String(err),
        details: e.details && typeof e.details === 'object' ? (e.details as Record<string, unknown>) : null,
      },
    });
  }
});
