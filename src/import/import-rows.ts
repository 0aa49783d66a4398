/**
 * The import format (docs/import-format.md), aligned with Open Referral HSDS 3: `organization`,
 * `location` (a facility), `service` (a taxonomy service), `service_at_location` (an offering), plus two
 * Kết Nối extensions for planners: `travel_time` (real minutes that override an estimated edge) and
 * `commune_population` (children 0–17). Each input row carries where it came from, so every problem
 * names its file, line and field.
 */
export const ROW_TYPES = [
  'organization',
  'location',
  'service',
  'service_at_location',
  'travel_time',
  'commune_population',
] as const;
export type RowType = (typeof ROW_TYPES)[number];

/** CSV file names of a directory import, one per row type. */
export const CSV_FILES: Record<RowType, string> = {
  organization: 'organizations.csv',
  location: 'locations.csv',
  service: 'services.csv',
  service_at_location: 'service_at_location.csv',
  travel_time: 'travel_times.csv',
  commune_population: 'commune_population.csv',
};

/** How a CSV cell is typed (NDJSON carries JSON types already); lists are `;`-separated in CSV. */
export type FieldKind = 'text' | 'number' | 'integer' | 'boolean' | 'list';

const text = 'text' as const;
const integer = 'integer' as const;

/**
 * HSDS 3 text fields another system's file may carry that the directory does not store: known, so they
 * raise no unknown-field warning, and read by nobody (docs/import-format.md lists them).
 */
const HSDS_READ_ONLY = {
  organization: { description: text, alternate_name: text, email: text, website: text, uri: text },
  location: { alternate_name: text, description: text, url: text, transportation: text },
  service: { alternate_name: text, url: text, email: text },
} as const;

/** Every field each row type knows; anything else is reported as a WARNING and ignored. */
export const FIELDS: Record<RowType, Readonly<Record<string, FieldKind>>> = {
  organization: {
    id: text,
    ket_noi_id: text,
    name: text,
    sector: text,
    province_code: text,
    demo: 'boolean',
    ...HSDS_READ_ONLY.organization,
  },
  location: {
    id: text,
    ket_noi_id: text,
    location_type: text,
    name: text,
    organization_id: text,
    sector: text,
    kind: text,
    level: text,
    commune_code: text,
    old_commune_name: text,
    old_district_name: text,
    old_province_name: text,
    latitude: 'number',
    longitude: 'number',
    address: text,
    phone: text,
    email: text,
    identifiers: 'list',
    provenance: text,
    source: text,
    ...HSDS_READ_ONLY.location,
  },
  service: {
    id: text,
    ket_noi_id: text,
    name: text,
    status: text,
    taxonomy_code: text,
    organization_id: text,
    description: text,
    ...HSDS_READ_ONLY.service,
  },
  service_at_location: {
    id: text,
    ket_noi_id: text,
    service_id: text,
    service_code: text,
    location_id: text,
    min_age_months: integer,
    max_age_months: integer,
    capacity: integer,
    current_load: integer,
    wait_days: integer,
    languages: 'list',
    schedule: text,
    remote: 'boolean',
    cost: text,
    description: text,
  },
  travel_time: {
    from_commune: text,
    to_commune: text,
    mode: text,
    season: text,
    minutes: 'number',
    km: 'number',
  },
  commune_population: { commune_code: text, children_0_17: integer },
};

export interface SourceRow {
  file: string;
  line: number;
  type: RowType;
  fields: Record<string, unknown>;
}

export type Severity = 'ERROR' | 'WARNING';

export interface ImportProblem {
  file: string;
  line: number;
  field: string | null;
  severity: Severity;
  message: string;
}

/** Rows and the problems found while reading them (bad JSON, a CSV row of the wrong width …). */
export interface ParsedImport {
  rows: SourceRow[];
  problems: ImportProblem[];
}
