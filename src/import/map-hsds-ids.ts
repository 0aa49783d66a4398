/**
 * HSDS 3 ids on import. Our own export gives every row a UUID `id` and our id as `ket_noi_id`; another
 * system's HSDS file has UUIDs only. Before validation, ids and references become the ids we store:
 * `ket_noi_id` when given, else the id as it is (a UUID is a valid id of ours). A UUID reference to a row
 * of the same file becomes that row's id; one to a stored record is looked up by the UUID our export gives
 * it (computed only when some reference needs it).
 */
import { hsdsUuid, isUuid, type HsdsEntity } from '../domain/ids/hsds-uuid';
import type { ImportProblem, RowType, SourceRow } from './import-rows';

/** Which entity each reference field points at, per row type. */
const REFERENCES: Partial<Record<RowType, Record<string, HsdsEntity>>> = {
  location: { organization_id: 'organization' },
  service: { organization_id: 'organization' },
  service_at_location: { service_id: 'service', location_id: 'location' },
};

const ENTITY_OF: Partial<Record<RowType, HsdsEntity>> = {
  organization: 'organization',
  location: 'location',
  service: 'service',
  service_at_location: 'service_at_location',
};

export interface StoredIds {
  organizations: () => Promise<Iterable<string>>;
  facilities: () => Iterable<string>;
}

export async function mapHsdsIds(
  rows: readonly SourceRow[],
  stored: StoredIds,
): Promise<{ rows: SourceRow[]; problems: ImportProblem[] }> {
  const problems: ImportProblem[] = [];
  const inFile = new Map<string, string>(); // `${entity}/${id as given}` → the id we store
  const mapped = rows.map((row) => {
    const entity = ENTITY_OF[row.type];
    const id = row.fields.id;
    if (!entity || typeof id !== 'string') return row;
    const ours = row.fields.ket_noi_id;
    if (typeof ours !== 'string' || ours === '') {
      inFile.set(`${entity}/${id}`, id);
      return row;
    }
    inFile.set(`${entity}/${id}`, ours);
    if (id !== ours) {
      if (isUuid(id) && id !== hsdsUuid(entity, ours)) {
        problems.push({
          file: row.file,
          line: row.line,
          field: 'id',
          severity: 'WARNING',
          message: `id ${id} is not the UUID Kết Nối exports for ket_noi_id ${ours}; the row is read as ${ours}`,
        });
      }
    }
    return { ...row, fields: { ...row.fields, id: ours } };
  });
  // UUID references to nothing in the file: maybe a stored record, by the UUID our export gives it.
  const unresolved = mapped.some((row) =>
    Object.entries(REFERENCES[row.type] ?? {}).some(([field, entity]) => {
      const value = row.fields[field];
      return typeof value === 'string' && isUuid(value) && !inFile.has(`${entity}/${value}`);
    }),
  );
  const storedByUuid = new Map<string, string>();
  if (unresolved) {
    for (const id of await stored.organizations())
      storedByUuid.set(`organization/${hsdsUuid('organization', id)}`, id);
    for (const id of stored.facilities()) storedByUuid.set(`location/${hsdsUuid('location', id)}`, id);
  }
  return {
    problems,
    rows: mapped.map((row) => {
      const refs = REFERENCES[row.type];
      if (!refs) return row;
      let fields: Record<string, unknown> | null = null;
      for (const [field, entity] of Object.entries(refs)) {
        const value = row.fields[field];
        if (typeof value !== 'string') continue;
        const key = `${entity}/${value}`;
        const ours = inFile.get(key) ?? storedByUuid.get(key);
        if (ours === undefined || ours === value) continue;
        fields ??= { ...row.fields };
        fields[field] = ours;
      }
      return fields ? { ...row, fields } : row;
    }),
  };
}
