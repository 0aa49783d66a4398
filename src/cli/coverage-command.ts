/**
 * `npm run cli -- coverage --service SCR.ASD --minutes 60 --province 15 --format csv|geojson|summary`.
 * CSV and GeoJSON come from the running server's export routes when `npm start` holds the store.
 */
import { createApp } from '../app';
import { loadConfig } from '../config';
import { boundariesDir, loadProvinceNames } from '../../seeds/load-boundaries';
import { geographyDir } from '../../seeds/load-geography';
import { chooseReportLanguage, coverageToCsv, describeCoverageData } from '../export/coverage-csv';
import { coverageToGeoJson } from '../export/coverage-export';
import { parseCoverageParams } from '../http/coverage-routes';
import { flag, parseArgs } from './args';
import { describeHttpError, openStoreOrServer, StoreBusyError, type ServerClient } from './store-or-server';
import type { CliIo } from './token-command';
import { neutraliseCell } from '../export/csv-cell';

export const COVERAGE_USAGE =
  'usage: npm run cli -- coverage --service CODE --minutes N [--mode M] [--season S] [--province CODE] [--ageFrom M --ageTo M] [--format csv|geojson|summary]';

export async function runCoverageCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(args.flags))
    if (typeof value === 'string') params.set(name, value);
  const query = parseCoverageParams(params);
  const format = flag(args, 'format') ?? 'summary';
  const config = loadConfig();
  let opened;
  try {
    opened = await openStoreOrServer(config, 'planner');
  } catch (err) {
    if (err instanceof StoreBusyError) {
      io.err(`coverage: ${err.message}`);
      return 1;
    }
    throw err;
  }
  if (opened.kind === 'server') return coverageThroughServer(opened.server, params, format, io);
  const { store } = opened;
  try {
    const app = await createApp(config, store);
    const report = app.coverage.coverage(query);
    if (format === 'csv') {
      const lang = chooseReportLanguage(flag(args, 'lang') ?? null, process.env.LANG?.replace('_', '-'));
      const names = loadProvinceNames(boundariesDir(geographyDir()));
      const context = describeCoverageData(report, app.readModel, lang, names);
      io.out(coverageToCsv(report, app.readModel, context, neutraliseCell).trimEnd());
    } else if (format === 'geojson') io.out(JSON.stringify(coverageToGeoJson(report, app.readModel)));
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

/** The same report from the running server: its CSV / GeoJSON routes, or its GraphQL `coverage` for the summary. */
async function coverageThroughServer(
  server: ServerClient,
  params: URLSearchParams,
  format: string,
  io: CliIo,
): Promise<number> {
  params.delete('format');
  if (format === 'csv' || format === 'geojson') {
    const res = await server.request(`/export/coverage.${format}?${params}`);
    if (!res.ok) {
      io.err(`coverage: the server refused: ${await describeHttpError(res)}`);
      return 1;
    }
    io.out((await res.text()).trimEnd());
    return 0;
  }
  const q = parseCoverageParams(params);
  const res = await server.request('/graphql', {
    method: 'POST',
    contentType: 'application/json',
    body: JSON.stringify({
      query: `query($i: CoverageInput!) { coverage(input: $i) { shareCovered coveredChildren children
        communes(first: 10, onlyUncovered: true) { commune { name } children } } }`,
      variables: {
        i: {
          serviceCode: q.serviceCode,
          maxMinutes: q.maxMinutes,
          mode: q.mode,
          season: q.season,
          provinceCode: q.provinceCode,
          ageFromMonths: q.ageFromMonths,
          ageToMonths: q.ageToMonths,
        },
      },
    }),
  });
  const body = (await res.json()) as { data?: { coverage: any }; errors?: { message: string }[] };
  if (!res.ok || !body.data) {
    io.err(`coverage: the server refused: ${body.errors?.map((e) => e.message).join('; ') ?? res.status}`);
    return 1;
  }
  const c = body.data.coverage;
  io.out(`${q.serviceCode} within ${q.maxMinutes} min (${q.mode}, ${q.season}):`);
  io.out(
    `  ${Math.round(c.coveredChildren)} of ${Math.round(c.children)} children covered (${((c.shareCovered ?? 0) * 100).toFixed(1)}%)`,
  );
  for (const u of c.communes) io.out(`  uncovered: ${u.commune.name} — ${Math.round(u.children)} children`);
  return 0;
}
