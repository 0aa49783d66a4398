/** `npm start` skips the build only when dist/ was built from the current inputs. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A plain Node script (it runs before any build), so it is required rather than imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stale = require('../../scripts/build-if-stale.js') as {
  inputsHash(root: string): string;
  staleReason(root: string): string | null;
  recordBuild(root: string, hash: string): void;
  ENTRY: string;
};

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

describe('build-if-stale', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ketnoi-build-'));
    write(root, 'src/main.ts', 'export const a = 1;\n');
    write(root, 'schema/directory.graphql', 'type Query { a: Int }\n');
    write(root, 'seeds/x.json', '{}\n');
    write(root, 'package-lock.json', '{}\n');
    write(root, 'src/graphql/generated/resolvers.ts', '// generated\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function built(): void {
    write(root, stale.ENTRY, '// built\n');
    stale.recordBuild(root, stale.inputsHash(root));
  }

  it('asks for a build on a fresh clone (no dist/)', () => {
    expect(stale.staleReason(root)).toMatch(/missing/);
  });

  it('asks for a build when dist/ exists without a record of its inputs', () => {
    write(root, stale.ENTRY, '// built\n');
    expect(stale.staleReason(root)).toMatch(/no record/);
  });

  it('skips the build when nothing changed, even if files were touched', () => {
    built();
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, 'src/main.ts'), later, later);
    expect(stale.staleReason(root)).toBeNull();
  });

  it.each([
    ['a source changes', 'src/main.ts', 'export const a = 2;\n'],
    ['a source is added', 'src/domain/new.ts', 'export {};\n'],
    ['the schema changes', 'schema/directory.graphql', 'type Query { b: Int }\n'],
    ['a seed changes', 'seeds/x.json', '{"a":1}\n'],
    ['the lock file changes', 'package-lock.json', '{"v":2}\n'],
    ['the codegen config is added', 'codegen.yml', 'overwrite: true\n'],
  ])('rebuilds when %s', (_what, rel, text) => {
    built();
    write(root, rel, text);
    expect(stale.staleReason(root)).toMatch(/changed/);
  });

  it('rebuilds when a source is deleted', () => {
    write(root, 'src/extra.ts', 'export {};\n');
    built();
    fs.rmSync(path.join(root, 'src/extra.ts'));
    expect(stale.staleReason(root)).toMatch(/changed/);
  });

  it('ignores codegen output, which the build itself rewrites', () => {
    built();
    write(root, 'src/graphql/generated/resolvers.ts', '// regenerated\n');
    expect(stale.staleReason(root)).toBeNull();
  });

  it('rebuilds when the build output was removed', () => {
    built();
    fs.rmSync(path.join(root, stale.ENTRY));
    expect(stale.staleReason(root)).toMatch(/missing/);
  });
});
