import { execFileSync } from 'node:child_process';
import {
  LANGUAGE_TABLE,
  describeUnknownLanguage,
  displayLanguage,
  resolveLanguage,
} from '../../../src/domain/language/language-table';

interface IsoEntry {
  iso6393: string;
  name: string;
  scope: string;
  type: string;
  iso6391?: string;
}

/** The SIL ISO 639-3 tables as the `iso-639-3` package ships them (an ES module: read in a child node). */
function readIsoTable(codes: readonly string[]): Record<string, IsoEntry | null> {
  const script = `import { iso6393 } from 'iso-639-3';
    const want = JSON.parse(process.argv[1]);
    const out = {};
    for (const c of want) out[c] = iso6393.find((x) => x.iso6393 === c) ?? null;
    process.stdout.write(JSON.stringify(out));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(codes)], {
    cwd: process.cwd(),
  });
  return JSON.parse(out.toString()) as Record<string, IsoEntry | null>;
}

describe('the language table', () => {
  const codes = LANGUAGE_TABLE.map((l) => l.code);
  const oldCodes = LANGUAGE_TABLE.flatMap((l) => l.oldCodes);
  const iso = readIsoTable([...codes, ...oldCodes]);

  it.each(LANGUAGE_TABLE.map((l) => [l.code, l] as const))(
    '%s is a living ISO 639-3 code whose reference name the English name carries',
    (code, l) => {
      const entry = iso[code];
      expect(entry).not.toBeNull();
      expect(entry!.type).toBe('living');
      expect(['individual', 'macrolanguage']).toContain(entry!.scope);
      // The reference name without its qualifier: "Nung (Viet Nam)" → "Nung", "Mandarin Chinese".
      const reference = entry!.name.replace(/\s*\(.*\)$/, '');
      expect(l.nameEn.toLowerCase()).toContain(reference.toLowerCase());
      expect(l.bcp47).toBe(entry!.iso6391 ?? code);
      expect(l.nameVi).toMatch(/^Tiếng /);
    },
  );

  it('keeps the wrong codes of earlier versions as old codes, each naming another language or none', () => {
    expect(Object.fromEntries(oldCodes.map((c) => [c, iso[c]?.name ?? null]))).toEqual({
      dao: 'Daai Chin',
      tay: 'Atayal',
      nun: 'Anong',
      gio: null,
    });
  });

  it('has one row per code and no old code that is also a current one', () => {
    expect(new Set(codes).size).toBe(codes.length);
    expect(oldCodes.filter((c) => codes.includes(c))).toEqual([]);
  });
});

describe('resolveLanguage', () => {
  it('accepts a code of the table', () => {
    expect(resolveLanguage('tyz')).toMatchObject({ ok: true, code: 'tyz' });
    expect(resolveLanguage(' HMN ')).toMatchObject({ ok: true, code: 'hmn' });
  });

  it('maps an old code to its ISO 639-3 code and says which it was', () => {
    expect(resolveLanguage('tay')).toMatchObject({ ok: true, code: 'tyz', oldCode: 'tay' });
    expect(resolveLanguage('dao')).toMatchObject({ ok: true, code: 'ium', oldCode: 'dao' });
    expect(resolveLanguage('nun')).toMatchObject({ ok: true, code: 'nut', oldCode: 'nun' });
    expect(resolveLanguage('gio')).toMatchObject({ ok: true, code: 'pcc', oldCode: 'gio' });
  });

  it('refuses a name or a slip, naming the close matches', () => {
    const hmong = resolveLanguage('hmong');
    expect(hmong.ok).toBe(false);
    if (hmong.ok) return;
    expect(hmong.closeMatches.map((l) => l.code)).toEqual(['hmn']);
    expect(describeUnknownLanguage('hmong', hmong.closeMatches)).toBe(
      `unknown language "hmong": did you mean hmn (Tiếng H'Mông · Hmong)?`,
    );
    const thai = resolveLanguage('Thái');
    expect(!thai.ok && thai.closeMatches.map((l) => l.code)).toEqual(['blt', 'twh']);
    const slip = resolveLanguage('tyx');
    expect(!slip.ok && slip.closeMatches.map((l) => l.code)).toContain('tyz');
  });

  it('lists the table when nothing is close', () => {
    const r = resolveLanguage('qqqq');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.closeMatches).toEqual([]);
    expect(describeUnknownLanguage('qqqq', r.closeMatches)).toMatch(
      /^unknown language "qqqq": use an ISO 639-3/,
    );
  });
});

describe('displayLanguage', () => {
  it('shows the Vietnamese and English names, or the code when it is not in the table', () => {
    expect(displayLanguage('hmn')).toBe("Tiếng H'Mông · Hmong");
    expect(displayLanguage('tyz')).toBe('Tiếng Tày · Tày');
    expect(displayLanguage('fra')).toBe('fra');
  });
});
