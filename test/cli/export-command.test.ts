import { runExportCommand } from '../../src/cli/export-command';

describe('export without --out', () => {
  it('refuses to write the directory to a terminal and says how to save it', async () => {
    const err: string[] = [];
    const written: string[] = [];
    const code = await runExportCommand(
      ['--format', 'hsds'],
      { out: () => undefined, err: (l) => err.push(l) },
      { isTTY: true, write: (s: string) => written.push(s) > 0 },
    );
    expect(code).toBe(2);
    expect(written).toEqual([]);
    expect(err.join('\n')).toMatch(/--out FILE/);
    expect(err.join('\n')).toContain('npm run -s cli -- export --format hsds > directory.ndjson');
  });
});
