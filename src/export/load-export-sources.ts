/** What the exports read beside the read model: every organization and the province names. */
import type { App } from '../app';
import type { OrganizationRecord } from '../store/port';

export interface ExportSources {
  organizations: OrganizationRecord[];
  provinceNames: ReadonlyMap<string, string>;
}

export async function loadExportSources(app: Pick<App, 'store'>): Promise<ExportSources> {
  const [organizations, provinces] = await Promise.all([app.store.allOrganizations(), app.store.provinces()]);
  return { organizations, provinceNames: new Map(provinces.map((p) => [p.code, p.name])) };
}
