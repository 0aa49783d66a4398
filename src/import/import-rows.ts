/**
 * The import format (docs/import-format.md), aligned with Open Referral HSDS 3: `organization`,
 * `location` (a facility), `service_at_location` (an offering), plus two Kết Nối extensions for planners:
 * `travel_time` (real minutes that override an estimated edge) and `commune_population` (children 0–17).
 * Each input row carries where it came from, so every problem names its file, line and field.
 */
export const ROW_TYPES = [
  'organization',
  'location',
  'service_at_location',
  'travel_time',
  'commune_population',
] as const;
export type RowType = (typeof ROW_TYPES)[number];

/** CSV file names of a directory import, one per row type. */
export const CSV_FILES: Record<RowType, string> = {
  organization: 'organizations.csv',
  location: 'locations.csv',
  service_at_location: 'service_at_location.csv',
  travel_time: 'travel_times.csv',
  commune_population: 'commune_population.csv',
};

/** Columns that hold lists; in CSV they are `;`-separated. */
export const LIST_FIELDS = new Set(['identifiers', 'languages']);

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
