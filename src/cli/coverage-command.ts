/** `npm run cli -- coverage --service SCR.ASD --minutes 60 --province 15 --format csv|geojson|summary`. */
import { createApp } from '../app';
import { loadConfig } from '../config';
import { coverageToCsv, coverageToGeoJson } from '../export/coverage-export';
import { parseCoverageParams } from '../http/coverage-routes';
import { openStore } from '../store/open-store';
import { flag, parseArgs } from './args';
import type { CliIo } from './token-command';

export async function runCoverageCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(args.flags))
    if (typeof value === 'string') params.set(name, value);
  const query = parseCoverageParams(params);
  const format = flag(args, 'format') ?? 'summary';
  const store = await openStore(loadConfig().store);
  try {
    const app = await createApp(loadConfig(), store);
    const report = app.coverage.coverage(query);
    if (format === 'csv') io.out(coverageToCsv(report, app.readModel).trimEnd());
    else if (format === 'geojson') io.out(JSON.stringify(coverageToGeoJson(report, app.readModel)));
    else {
      const t = report.totals;
      io.out(
        `${query.serviceCode} within ${query.maxMinutes} min (${report.need.mode}, ${report.need.season}):`,
      );
      io.out(
        `  ${Math.round(t.coveredChildren)} of ${Math.round(t.children)} children covered (${((t.shareCovered ?? 0) * 100).toFixed(1)}%)`,
      );
      for (const c of report.mostUncovered.slice(0, 10)) {
        io.out(
          `  uncovered: ${app.readModel.communes.get(c.communeCode)?.name ?? c.communeCode} — ${Math.round(c.children)} children`,
        );
      }
    }
    return 0;
  } finally {
    await store.close();
  }
}
