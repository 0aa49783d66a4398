/**
 * Reads a commune field of an import row: a 2025 code; an old (pre-2025) code, resolved through the
 * succession table with a WARNING; or, with `oldPrefix`, an old commune name + district + province.
 */
import type { RowReader } from './field-checks';
import { isOldCommuneNamed, legacyNameKey, type ImportContext } from './import-context';

export function readCommune(
  r: RowReader,
  ctx: ImportContext,
  codeField: string,
  oldPrefix?: string,
): string | null {
  const code = r.text(codeField, { max: 5, pattern: /^\d{5}$/ });
  if (code) {
    if (ctx.communes.has(code)) return code;
    const legacy = ctx.legacyByCode.get(code);
    if (legacy && ctx.communes.has(legacy.successorCode)) {
      r.problem(
        codeField,
        `old commune code ${code} (${legacy.name}, ${legacy.districtName}) resolved to its 2025 successor ${legacy.successorCode} (${ctx.communes.get(legacy.successorCode)!.name})`,
        'WARNING',
      );
      return legacy.successorCode;
    }
    return r.fail(codeField, `unknown commune code ${code} (neither a 2025 code nor a known old code)`);
  }
  const nameField = `${oldPrefix}commune_name`;
  if (!oldPrefix || !r.has(nameField)) {
    const alternative = oldPrefix
      ? ` (or ${nameField}, ${oldPrefix}district_name, ${oldPrefix}province_name)`
      : '';
    return r.fail(codeField, `${codeField} is required${alternative}`);
  }
  const name = r.text(nameField, { required: true }) ?? '';
  const district = r.text(`${oldPrefix}district_name`, { required: true }) ?? '';
  const province = r.text(`${oldPrefix}province_name`, { required: true }) ?? '';
  if (!name || !district || !province) return null;
  const matches = (ctx.legacyByName.get(legacyNameKey(name, district, province)) ?? []).filter(
    (l) => ctx.communes.has(l.successorCode) && isOldCommuneNamed(l, { name, district, province }),
  );
  const successors = [...new Set(matches.map((l) => l.successorCode))];
  if (successors.length === 0)
    return r.fail(nameField, `no old commune "${name}" in ${district}, ${province}`);
  if (successors.length > 1) {
    const names = successors.map((c) => `${c} ${ctx.communes.get(c)!.name}`).join(', ');
    return r.fail(
      nameField,
      `old commune "${name}" (${district}) has more than one successor (a split, or several units of that name): ${names}; give commune_code`,
    );
  }
  const successor = successors[0]!;
  r.problem(
    nameField,
    `old commune ${matches[0]!.name} (${matches[0]!.districtName}, ${matches[0]!.provinceName}) resolved to its 2025 successor ${successor} (${ctx.communes.get(successor)!.name})`,
    'WARNING',
  );
  return successor;
}
