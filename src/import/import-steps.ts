/** Timing of an import's steps, with a progress line per step: rows, time and rate. */
export interface ImportStep {
  name: string;
  rows: number;
  ms: number;
}

const count = (n: number) => n.toLocaleString('en-US');

export function formatStep(step: ImportStep): string {
  const rate =
    step.rows > 0 && step.ms >= 1 ? ` (${count(Math.round((step.rows * 1000) / step.ms))} rows/s)` : '';
  return `${step.name}: ${count(step.rows)} rows in ${count(Math.round(step.ms))} ms${rate}`;
}

/** Runs steps one after another, recording each and logging `import: <step line>` as it ends. */
export function createStepClock(log: (line: string) => void) {
  const steps: ImportStep[] = [];
  return {
    steps,
    async time<T>(
      name: string,
      rows: number | ((result: T) => number),
      work: () => Promise<T> | T,
    ): Promise<T> {
      const started = performance.now();
      const result = await work();
      const step = {
        name,
        rows: typeof rows === 'number' ? rows : rows(result),
        ms: Math.round((performance.now() - started) * 10) / 10,
      };
      steps.push(step);
      log(`import: ${formatStep(step)}`);
      return result;
    },
  };
}
