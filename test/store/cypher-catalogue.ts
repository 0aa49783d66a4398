/**
 * Every Cypher statement of src/store/cypher/*.ts, found by reading the modules' exports, so a new
 * query is checked without editing a test. Strings and string arrays are statements; an exported
 * function is a builder and is called with the sample arguments listed here.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface CatalogueEntry {
  /** `module.ts › EXPORT`, with `[i]` for list items and `(case)` for builder outputs. */
  name: string;
  query: string;
  /** The parameters a builder produced with this statement; undefined for a constant. */
  params?: Record<string, unknown>;
}

export const CYPHER_DIR = path.resolve(__dirname, '../../src/store/cypher');

/** Sample arguments per builder: enough combinations to emit every fragment it can add. */
export const BUILDER_SAMPLES: Record<string, Array<[label: string, args: unknown[]]>> = {
  CHANGED_AFTER: [
    ['facilities', ['Facility']],
    ['offerings', ['Offering']],
    ['organizations', ['Organization']],
  ],
  COUNT_CHANGED_SINCE: [
    ['facilities', ['Facility']],
    ['organizations', ['Organization']],
  ],
  COUNT_LABEL: [
    ['Facility', ['Facility']],
    ['reserved word', ['Case']],
  ],
  buildFacilitiesQuery: [
    ['no filter', [{}, null, 51]],
    ['province, after', [{ provinceCode: '22' }, 'F-0100', 11]],
    ['commune and province', [{ communeCode: '06994', provinceCode: '22' }, null, 11]],
    [
      'every property filter',
      [
        {
          sector: 'HEALTH',
          kind: 'Trạm y tế',
          level: 'COMMUNE',
          provenance: 'REAL',
          updatedAfter: '2025-07-01',
        },
        null,
        6,
      ],
    ],
    ['service only', [{ serviceCode: 'IMMUNISATION' }, null, 6]],
    ['age only', [{ ageMonths: 18 }, null, 6]],
    ['language only', [{ language: 'hmn' }, 'F-1', 6]],
    [
      'everything',
      [
        {
          provinceCode: '22',
          communeCode: '06994',
          sector: 'SOCIAL',
          kind: 'Trung tâm',
          level: 'REGIONAL',
          serviceCode: 'SPEECH',
          ageMonths: 30,
          language: 'vie',
          updatedAfter: '2025-07-01',
          provenance: 'DEMO',
        },
        'F-9',
        26,
      ],
    ],
  ],
  buildCommunesQuery: [
    ['no filter', [{}, null, 51]],
    ['province, after', [{ provinceCode: '22' }, '06994', 11]],
    ['type and updatedAfter', [{ type: 'đặc khu', updatedAfter: '2025-07-01' }, null, 11]],
    ['everything', [{ provinceCode: '22', type: 'xã', updatedAfter: '2025-07-01' }, '02800', 11]],
  ],
};

function fromOutput(name: string, out: unknown): CatalogueEntry[] {
  if (typeof out === 'string') return [{ name, query: out }];
  if (out && typeof out === 'object') {
    const { params, ...rest } = out as Record<string, unknown>;
    return Object.entries(rest)
      .filter(([, v]) => typeof v === 'string')
      .map(([k, v]) => ({
        name: `${name}.${k}`,
        query: v as string,
        params: (params ?? {}) as Record<string, unknown>,
      }));
  }
  return [];
}

export interface Catalogue {
  entries: CatalogueEntry[];
  /** Exported functions with no entry in BUILDER_SAMPLES: they must get one. */
  unsampled: string[];
}

export function loadCypherCatalogue(): Catalogue {
  const entries: CatalogueEntry[] = [];
  const unsampled: string[] = [];
  const files = fs
    .readdirSync(CYPHER_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort();
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(CYPHER_DIR, file)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(mod)) {
      const name = `${file} › ${key}`;
      if (typeof value === 'string') entries.push({ name, query: value });
      else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        value.forEach((query: string, i) => entries.push({ name: `${name}[${i}]`, query }));
      } else if (typeof value === 'function') {
        const samples = BUILDER_SAMPLES[key];
        if (!samples) unsampled.push(name);
        for (const [label, args] of samples ?? []) {
          entries.push(...fromOutput(`${name}(${label})`, (value as (...a: unknown[]) => unknown)(...args)));
        }
      }
    }
  }
  return { entries, unsampled };
}

/** Schema statements: Grafeo cannot EXPLAIN them, so they are applied instead. */
export const isSchemaStatement = (query: string) => /^\s*(CREATE|DROP)\s+(CONSTRAINT|INDEX)\b/i.test(query);
