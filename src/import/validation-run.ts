/**
 * The state one validation pass shares across rows: problems, rows found invalid, ids seen per row type
 * (for duplicates) and which referenced rows of this import are valid, so a row that depends on an
 * invalid row (an offering of a bad location) is invalid too.
 */
import { RowReader } from './field-checks';
import type { ImportContext } from './import-context';
import type { ImportProblem, RowType, SourceRow } from './import-rows';

export const where = (row: SourceRow) => `${row.file}:${row.line}`;

type Referenced = 'organization' | 'location' | 'service';

export class ValidationRun {
  readonly problems: ImportProblem[];
  /** `file:line` of every row left out. */
  readonly invalid: Set<string>;
  /** Valid ids of this import, per referenced row type. */
  private readonly valid: Record<Referenced, Set<string>> = {
    organization: new Set(),
    location: new Set(),
    service: new Set(),
  };
  /** Ids of invalid rows of this import → where the row is. */
  private readonly rejected: Record<Referenced, Map<string, string>> = {
    organization: new Map(),
    location: new Map(),
    service: new Map(),
  };
  private readonly firstSeen = new Map<string, string>();
  /** Service id → taxonomy code, for the offerings that name a service of this import. */
  readonly serviceCodes = new Map<string, string>();
  /** `system|value` → the location of this import that claims it, and where. */
  readonly identifiers = new Map<string, { facilityId: string; at: string }>();

  constructor(
    readonly ctx: ImportContext,
    readonly at: string,
    parseProblems: ImportProblem[],
  ) {
    this.problems = [...parseProblems];
    this.invalid = new Set(
      parseProblems.filter((p) => p.severity === 'ERROR').map((p) => `${p.file}:${p.line}`),
    );
  }

  reader(row: SourceRow): RowReader {
    return new RowReader(row, this.problems);
  }

  /** An ERROR on the second row of a type with the same id, naming the first. */
  checkUnique(r: RowReader, type: RowType, id: string | null): void {
    if (!id) return;
    const first = this.firstSeen.get(`${type}:${id}`);
    if (first) r.problem('id', `duplicate ${type} id ${id} (first at ${first})`);
    else this.firstSeen.set(`${type}:${id}`, where(r.row));
  }

  /** Ends a row: records it valid or invalid and returns whether it may be written. */
  finish(r: RowReader, complete: boolean, ref?: { type: Referenced; id: string | null }): boolean {
    const ok = r.ok && complete;
    if (!ok) this.invalid.add(where(r.row));
    if (ref?.id) {
      if (ok) this.valid[ref.type].add(ref.id);
      else if (!this.valid[ref.type].has(ref.id)) this.rejected[ref.type].set(ref.id, where(r.row));
    }
    return ok;
  }

  /**
   * Checks that `id` names a valid row of this import or (when `stored` is given) a stored entity.
   * A reference to an invalid row of this import is an ERROR even if an older version is stored.
   */
  checkReference(
    r: RowReader,
    field: string,
    ref: { type: Referenced; id: string | null },
    stored?: (id: string) => boolean,
  ): void {
    const { type, id } = ref;
    if (!id || this.valid[type].has(id)) return;
    const bad = this.rejected[type].get(id);
    if (bad) return r.problem(field, `${type} ${id} is invalid in this import (${bad})`);
    if (stored?.(id)) return;
    const scope = stored ? 'this import or the directory' : 'this import';
    r.problem(field, `no ${type} ${id} in ${scope}`);
  }
}
