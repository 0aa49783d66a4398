/**
 * Every GraphQL document the console sends is valid against the schema. The console is plain JavaScript with
 * no build step, so nothing else would notice a renamed field until a person clicked the button.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { loadConfig } from '../../src/config';
import { measureOperation } from '../../src/graphql/query-limits';
import { DEFAULT_DOCUMENT_LIMITS, screenDocument } from '../../src/graphql/screen-document';
import { buildSchema } from '../../src/graphql/schema';

const WEB = path.join(__dirname, '../../web');
const files = fs.readdirSync(WEB).filter((f) => f.endsWith('.js'));
const sources = new Map(files.map((f) => [f, fs.readFileSync(path.join(WEB, f), 'utf8')]));

/** `const NAME = \`…\`` template literals per file (the console keeps its documents in such constants). */
const constants = new Map<string, Map<string, string>>();
for (const [file, text] of sources) {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/(?:export\s+)?const\s+([A-Z][A-Z0-9_]*)\s*=\s*`([^`]*)`/g))
    found.set(m[1]!, m[2]!);
  constants.set(file, found);
}

function lookup(file: string, name: string): string | undefined {
  const local = constants.get(file)?.get(name);
  if (local !== undefined) return local;
  const imported = [...constants.values()].map((c) => c.get(name)).filter((v) => v !== undefined);
  return imported.length === 1 ? imported[0] : undefined;
}

/** Substitutes `${NAME}` pieces the way the browser would when the module loads. */
function expand(file: string, text: string, depth = 0): string {
  return text.replace(/\$\{([A-Z][A-Z0-9_]*)\}/g, (_whole, name: string) => {
    const value = lookup(file, name);
    if (value === undefined || depth > 5) throw new Error(`${file}: \${${name}} is not a known constant`);
    return expand(file, value, depth + 1);
  });
}

/** The first argument of every gql(…) call, resolved to its document text. */
const calls: { file: string; arg: string; document: string | undefined }[] = [];
for (const [file, text] of sources) {
  for (const m of text.matchAll(/\bgql\(\s*([^,)]+)/g)) {
    const arg = m[1]!.trim();
    if (file === 'api.js' && arg === 'query') continue; // the definition of gql itself
    const quoted = /^(['"`])([\s\S]*)\1$/.exec(arg);
    const raw = quoted ? quoted[2] : /^[A-Z][A-Z0-9_]*$/.test(arg) ? lookup(file, arg) : undefined;
    calls.push({ file, arg, document: raw === undefined ? undefined : expand(file, raw) });
  }
}

const schema = buildSchema();

describe('the console’s GraphQL documents', () => {
  it('finds the calls it checks', () => {
    expect(calls.length).toBeGreaterThanOrEqual(10);
  });

  it.each(calls.map((c) => [`${c.file} gql(${c.arg})`, c] as const))(
    '%s is valid against the schema',
    (_n, call) => {
      expect(call.document).toBeDefined(); // a call whose document cannot be read statically would go unchecked
      const errors = validate(schema, parse(call.document!)).map((e) => e.message);
      expect(errors).toEqual([]);
    },
  );

  it.each(calls.map((c) => [`${c.file} gql(${c.arg})`, c] as const))(
    '%s passes the screening and the default cost limit',
    (_n, call) => {
      const config = loadConfig({});
      const document = screenDocument(call.document!, {
        ...DEFAULT_DOCUMENT_LIMITS,
        maxDepth: config.maxDepth,
      });
      const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      const { complexity } = measureOperation({
        schema,
        document,
        operation: operation as OperationDefinitionNode,
        variables: {},
        maxPageSize: config.maxPageSize,
      });
      expect(complexity).toBeLessThanOrEqual(config.maxComplexity);
    },
  );
});
