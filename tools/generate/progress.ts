/**
 * A progress bar for long runs: redrawn in place on a terminal (at most 10 times a second), and printed as
 * a plain line every 10% otherwise, so logs of CI or of the bench stay short.
 */
export interface Progress {
  tick(done: number): void;
  done(note?: string): void;
}

const WIDTH = 24;

export function createProgress(input: {
  label: string;
  total: number;
  write?: (text: string) => void;
  tty?: boolean;
}): Progress {
  const write = input.write ?? ((t: string) => process.stderr.write(t));
  const tty = input.tty ?? process.stderr.isTTY === true;
  const started = performance.now();
  let lastDraw = 0;
  let lastDecile = -1;
  const line = (done: number) => {
    const share = input.total > 0 ? Math.min(1, done / input.total) : 1;
    const filled = Math.round(share * WIDTH);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const rate = Math.round(done / Math.max(0.001, (performance.now() - started) / 1000));
    return `${input.label.padEnd(16)} [${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done.toLocaleString('en-US')}/${input.total.toLocaleString('en-US')} ${seconds} s ${rate.toLocaleString('en-US')}/s`;
  };
  return {
    tick(done) {
      const now = performance.now();
      if (tty) {
        if (now - lastDraw < 100) return;
        lastDraw = now;
        write(`\r${line(done)}`);
        return;
      }
      const decile = Math.floor((10 * done) / Math.max(1, input.total));
      if (decile > lastDecile && decile < 10) {
        lastDecile = decile;
        if (decile > 0) write(`${line(done)}\n`);
      }
    },
    done(note) {
      write(`${tty ? '\r' : ''}${line(input.total)}${note ? ` ${note}` : ''}\n`);
    },
  };
}
