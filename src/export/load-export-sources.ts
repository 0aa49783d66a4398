/** What the exports read beside the read model: every organization and the province names. */
import type { DirectoryReads, OrganizationRecord } from '../store/port';

export interface ExportSources {
  organizations: OrganizationRecord[];
  provinceNames: ReadonlyMap<string, string>;
}

export async function loadExportSources(
  store: Pick<DirectoryReads, 'allOrganizations' | 'provinces'>,
): Promise<ExportSources> {
  const [organizations, provinces] = await Promise.all([store.allOrganizations(), store.provinces()]);
  return { organizations, provinceNames: new Map(provinces.map((p) => [p.code, p.name])) };
}
