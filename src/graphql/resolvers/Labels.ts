/** Labels and sentences in the reader's language (ctx.locale from Accept-Language); codes stay as they are. */
import { labelOf } from '../../domain/i18n/labels';
import { listLanguages, nameLanguage, type LanguageName } from '../../domain/i18n/language-names';
import { NotFoundError } from '../../domain/errors';
import type { GraphQLContext } from '../context';
import type {
  ChainIssueResolvers,
  ChainStepResolvers,
  FacilityResolvers,
  LanguageResolvers,
  OfferingResolvers,
  ProviderMatchResolvers,
  QueryResolvers,
  ReasonResolvers,
  SuggestedStepResolvers,
} from '../generated/resolvers';

const pick = ({ locale }: GraphQLContext, vi: string, en: string) => (locale === 'vi' ? vi : en);

export const LabelQuery: Pick<QueryResolvers, 'languages'> = {
  languages: () => listLanguages(),
};

export const Language: LanguageResolvers = {
  name: (l: LanguageName, _a, ctx) => pick(ctx, l.nameVi, l.nameEn),
  displayName: (l) => `${l.nameVi} · ${l.nameEn}`,
};

export const FacilityLabels: Pick<FacilityResolvers, 'kindLabel' | 'sectorLabel' | 'levelLabel'> = {
  kindLabel: (f, _a, { locale }) => labelOf('kind', f.kind, locale),
  sectorLabel: (f, _a, { locale }) => labelOf('sector', f.sector, locale),
  levelLabel: (f, _a, { locale }) => labelOf('level', f.level, locale),
};

export const OfferingLabels: Pick<OfferingResolvers, 'languageNames'> = {
  languageNames: (o) => o.languages.map(nameLanguage),
};

export const Reason: ReasonResolvers = {
  text: (r, _a, ctx) => pick(ctx, r.textVi, r.text),
};

export const ChainIssueText: Pick<ChainIssueResolvers, 'message'> = {
  message: (i, _a, ctx) => pick(ctx, i.messageVi, i.message),
};

export const ChainStepLabels: Pick<ChainStepResolvers, 'flagLabels'> = {
  flagLabels: (s, _a, { locale }) => s.flags.map((f) => labelOf('flag', f, locale)),
};

export const SuggestedStepText: Pick<SuggestedStepResolvers, 'name' | 'why' | 'condition'> = {
  name: (s, _a, ctx) => pick(ctx, s.step.nameVi, s.step.name),
  why: (s, _a, ctx) => pick(ctx, s.step.reasonVi, s.step.reason),
  condition: (s, _a, ctx) =>
    ctx.locale === 'vi' ? (s.step.conditionVi ?? s.step.condition) : s.step.condition,
};

/** True when no leg of the route has an imported travel time: the minutes are the model's estimate. */
function isEstimated(route: readonly string[], ctx: GraphQLContext): boolean {
  return route.every(
    (code, i) => i === 0 || ctx.app.readModel.edgeBetween(route[i - 1]!, code)?.source !== 'IMPORTED',
  );
}

const ESTIMATE_NOTE = {
  vi: '; thời gian ước tính từ khoảng cách và địa hình',
  en: '; an estimate from distance and terrain',
};

export const ProviderMatchTravel: Pick<
  ProviderMatchResolvers,
  'routeCommunes' | 'longTrip' | 'estimated' | 'reasons'
> = {
  // The travel sentence says when its minutes are an estimate, so nobody reads them as a timetable.
  reasons: (m, _a, ctx) =>
    isEstimated(m.route, ctx)
      ? m.reasons.map((r) =>
          r.code === 'TRAVEL'
            ? { ...r, text: `${r.text}${ESTIMATE_NOTE.en}`, textVi: `${r.textVi}${ESTIMATE_NOTE.vi}` }
            : r,
        )
      : m.reasons,
  routeCommunes: (m, _a, { app }) =>
    m.route.map((code) => {
      const commune = app.readModel.communes.get(code);
      if (!commune) throw new NotFoundError('Commune', code);
      return commune;
    }),
  longTrip: (m) => m.reasons.some((r) => r.code === 'LONG_TRIP'),
  estimated: (m, _a, ctx) => isEstimated(m.route, ctx),
};
