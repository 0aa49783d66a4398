/**
 * Where planner tasks run. With workers (the server's default) coverage, scenarios, suggested sites and
 * exports are computed in worker threads, so a national report never holds up a caseworker's request on
 * the event loop. Each worker starts from a copy of the read model and receives every later change
 * before any task sent after it: a task sees every write that returned before it was asked.
 * Without workers (tests, the CLI) the same tasks run in the calling thread.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError, type ErrorCode } from '../domain/errors';
import type { ReadModel } from '../read-model/read-model';
import type { PlannerFailure, PlannerMessage, PlannerReply } from './planner-protocol';
import { runPlannerTask, type PlannerTaskName, type PlannerTasks } from './planner-tasks';

export interface Planner {
  readonly workers: number;
  run<N extends PlannerTaskName>(name: N, input: PlannerTasks[N][0]): Promise<PlannerTasks[N][1]>;
  /** Starts the workers now rather than at the first task. */
  warm(): void;
  close(): Promise<void>;
}

/**
 * A worker's error as the asking thread sees it: a domain error is rebuilt as one; another error keeps
 * its code, so graphql/errors.ts decides what the client sees exactly as it would without a worker.
 */
export function toError(failure: PlannerFailure): Error {
  if (failure.domain && failure.code)
    return new DomainError(failure.code as ErrorCode, failure.message, failure.details ?? undefined);
  const err = new Error(failure.message);
  return failure.code ? Object.assign(err, { code: failure.code, details: failure.details }) : err;
}

export function createInlinePlanner(readModel: ReadModel): Planner {
  return {
    workers: 0,
    run: async (name, input) => runPlannerTask(readModel, name, input),
    warm: () => undefined,
    close: async () => undefined,
  };
}

interface Pending {
  resolve: (output: never) => void;
  reject: (err: Error) => void;
}

class PlannerThread {
  readonly pending = new Map<number, Pending>();
  private readonly worker: Worker;

  constructor(readModel: ReadModel, onExit: (thread: PlannerThread) => void) {
    const ext = path.extname(__filename);
    // From src/ (npm run dev, the bench, Jest) the worker compiles TypeScript as the parent does.
    this.worker = new Worker(path.join(__dirname, `planner-worker${ext}`), {
      execArgv: ext === '.ts' ? ['-r', '@swc-node/register'] : [],
    });
    this.worker.unref();
    this.worker.on('message', (reply: PlannerReply) => this.settle(reply));
    const fail = (err: Error) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      onExit(this);
    };
    this.worker.on('error', (err) => fail(new Error(`Planner worker failed: ${err.message}`)));
    this.worker.on('exit', (code) => fail(new Error(`Planner worker exited with code ${code}`)));
    this.post({ type: 'init', rows: readModel.toRows() });
  }

  post(message: PlannerMessage): void {
    this.worker.postMessage(message);
  }

  ask(id: number, message: PlannerMessage, pending: Pending): void {
    // A worker with work keeps the process alive; an idle one does not (the CLI can exit).
    if (this.pending.size === 0) this.worker.ref();
    this.pending.set(id, pending);
    this.post(message);
  }

  private settle(reply: PlannerReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.type === 'done') p.resolve(reply.output as never);
    else p.reject(toError(reply.error));
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

export function createWorkerPlanner(readModel: ReadModel, workers: number): Planner {
  let threads: PlannerThread[] = [];
  let nextId = 1;
  let closed = false;
  const drop = (thread: PlannerThread) => {
    threads = threads.filter((t) => t !== thread);
  };
  // Every change goes to every worker, in order, before any task asked after it.
  const unsubscribe = readModel.onChange((change) => {
    for (const t of threads) t.post({ type: 'change', change });
  });
  const start = () => {
    while (!closed && threads.length < workers) threads.push(new PlannerThread(readModel, drop));
  };
  return {
    workers,
    warm: start,
    run(name, input) {
      if (closed) return Promise.reject(new Error('The planner is closed'));
      start();
      const thread = threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise((resolve, reject) =>
        thread.ask(id, { type: 'task', id, name, input }, { resolve, reject }),
      );
    },
    async close() {
      closed = true;
      unsubscribe();
      const all = threads;
      threads = [];
      await Promise.all(all.map((t) => t.terminate()));
    },
  };
}

export function createPlanner(readModel: ReadModel, workers: number): Planner {
  return workers > 0 ? createWorkerPlanner(readModel, workers) : createInlinePlanner(readModel);
}
