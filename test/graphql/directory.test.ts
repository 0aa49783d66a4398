import { seedTinyDirectory } from '../fixtures/directory';
import { createTestApp, type TestApp } from '../fixtures/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedTinyDirectory(t.app);
});
afterAll(() => t.close());

describe('directory queries', () => {
  it('lists provinces with their communes', async () => {
    const r = await t.run(`{ provinces { code name communes(first: 10) { totalCount nodes { code } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data?.provinces).toEqual([
      {
        code: '22',
        name: 'Quảng Ninh',
        communes: { totalCount: 3, nodes: [{ code: '06652' }, { code: '06688' }, { code: '06994' }] },
      },
      { code: '24', name: 'Bắc Ninh', communes: { totalCount: 1, nodes: [{ code: '09367' }] } },
    ]);
  });

  it('resolves an old (pre-2025) commune code to its successor', async () => {
    const r = await t.run(
      `{ commune(code: "07015") { code name resolvedFrom { name districtName scheme } } }`,
    );
    expect(r.data?.commune).toEqual({
      code: '06994',
      name: 'Đặc khu Vân Đồn',
      resolvedFrom: { name: 'Xã Đông Xá', districtName: 'Huyện Vân Đồn', scheme: 'VN63' },
    });
  });

  it('reads a reused code as the old unit when asOf is before the reform', async () => {
    const now = await t.run(`{ commune(code: "06688") { name resolvedFrom { name } } }`);
    expect(now.data?.commune).toEqual({ name: 'Phường Hạ Long', resolvedFrom: null });
    const old = await t.run(`{ commune(code: "06688", asOf: "2018-05-22") { name resolvedFrom { name } } }`);
    expect(old.data?.commune).toEqual({ name: 'Phường Hạ Long', resolvedFrom: { name: 'Phường Hồng Hải' } });
  });

  it('lists a commune’s predecessors', async () => {
    const r = await t.run(`{ commune(code: "06994") { predecessors { code name successor { code } } } }`);
    expect(r.data?.commune.predecessors).toEqual([
      { code: '07015', name: 'Xã Đông Xá', successor: { code: '06994' } },
    ]);
  });

  it('pages facilities with cursors, totalCount and pageInfo', async () => {
    const q = `query($after: String) { facilities(first: 2, after: $after) {
      totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    const first = await t.run(q);
    expect(first.data?.facilities.totalCount).toBe(4);
    expect(first.data?.facilities.edges.map((e: any) => e.node.id)).toEqual(['fac-a', 'fac-b']);
    expect(first.data?.facilities.pageInfo.hasNextPage).toBe(true);
    const second = await t.run(q, { after: first.data?.facilities.pageInfo.endCursor });
    expect(second.data?.facilities.edges.map((e: any) => e.node.id)).toEqual(['fac-c', 'fac-d']);
    expect(second.data?.facilities.pageInfo.hasNextPage).toBe(false);
  });

  it('filters facilities by service, age, language, sector, province and updatedAfter', async () => {
    const ids = async (where: string) => {
      const r = await t.run(`{ facilities(where: ${where}) { nodes { id } } }`);
      expect(r.errors).toBeUndefined();
      return r.data?.facilities.nodes.map((n: any) => n.id);
    };
    expect(await ids('{ serviceCode: "SCR.ASD" }')).toEqual(['fac-b', 'fac-c']);
    expect(await ids('{ serviceCode: "SCR.ASD", ageMonths: 17 }')).toEqual(['fac-b']);
    expect(await ids('{ serviceCode: "SCR.ASD", language: "ium" }')).toEqual(['fac-b']);
    // The old (wrong) code is read as its ISO 639-3 code, so older clients keep working.
    expect(await ids('{ serviceCode: "SCR.ASD", language: "dao" }')).toEqual(['fac-b']);
    expect(await ids('{ sector: EDUCATION }')).toEqual(['fac-d']);
    expect(await ids('{ provinceCode: "24" }')).toEqual(['fac-c']);
    expect(await ids('{ level: REGIONAL, provenance: REAL }')).toEqual(['fac-c']);
    expect(await ids('{ updatedAfter: "2025-07-15T00:00:00Z" }')).toEqual(['fac-d']);
  });

  it('returns a facility with its commune, province, organization, identifiers and offerings', async () => {
    const r = await t.run(`{ facility(id: "fac-a") { name technicalLevel commune { name } province { name }
      organization { name } identifiers { system value }
      offerings { service { code nameVi } minAgeMonths availableCapacity languages } } }`);
    expect(r.data?.facility).toEqual({
      name: 'Trạm Y tế Phường Hà Tu',
      technicalLevel: 'INITIAL',
      commune: { name: 'Phường Hà Tu' },
      province: { name: 'Quảng Ninh' },
      organization: { name: 'Sở Y tế Quảng Ninh' },
      identifiers: [{ system: 'moh', value: 'QN-001' }],
      offerings: [
        {
          service: { code: 'SCR.DEV', nameVi: 'Sàng lọc phát triển' },
          minAgeMonths: 0,
          availableCapacity: 10,
          languages: ['vie'],
        },
      ],
    });
  });

  it('finds a facility by an external identifier', async () => {
    const r = await t.run(`{ facilityByIdentifier(system: "moh", value: "QN-001") { id } }`);
    expect(r.data?.facilityByIdentifier).toEqual({ id: 'fac-a' });
  });
});

describe('search', () => {
  it('matches without diacritics and ranks the commune first', async () => {
    const r = await t.run(`{ search(text: "ha tu") { kind id name } }`);
    expect(r.data?.search[0]).toEqual({ kind: 'COMMUNE', id: '06652', name: 'Phường Hà Tu' });
    expect(r.data?.search.map((h: any) => h.id)).toEqual(expect.arrayContaining(['fac-a', 'fac-d']));
  });

  it('matches with diacritics and in upper case', async () => {
    const r = await t.run(`{ search(text: "VÂN ĐỒN") { kind name } }`);
    expect(r.data?.search[0]).toEqual({ kind: 'COMMUNE', name: 'Đặc khu Vân Đồn' });
  });

  it('finds services by their English name', async () => {
    const r = await t.run(`{ search(text: "autism") { kind id service { nameVi } } }`);
    expect(r.data?.search).toEqual([
      { kind: 'SERVICE', id: 'SCR.ASD', service: { nameVi: 'Sàng lọc tự kỷ' } },
    ]);
  });
});

describe('errors', () => {
  it('names an unknown facility with NOT_FOUND', async () => {
    const r = await t.run(`{ facility(id: "nope") { id } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(r.errors?.[0]?.message).toBe('Facility "nope" was not found');
  });

  it('refuses an unknown language naming the close matches, and lists the language table', async () => {
    const r = await t.run('{ facilities(where: { language: "hmong" }) { totalCount } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toBe(
      `language: unknown language "hmong": did you mean hmn (Tiếng H'Mông · Hmong)?`,
    );
    const table = await t.run('{ languages { code nameVi nameEn displayName bcp47 oldCodes } }');
    expect(table.errors).toBeUndefined();
    expect(table.data?.languages).toContainEqual({
      code: 'tyz',
      nameVi: 'Tiếng Tày',
      nameEn: 'Tày',
      displayName: 'Tiếng Tày · Tày',
      bcp47: 'tyz',
      oldCodes: ['tay'],
    });
  });

  it('rejects a malformed service code with BAD_USER_INPUT', async () => {
    const r = await t.run(`{ facilities(where: { serviceCode: "x' OR 1=1 //" }) { totalCount } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toContain('is not a taxonomy code');
  });

  it('rejects a forged cursor and an oversized page', async () => {
    const forged = await t.run(`{ facilities(after: "bm9wZQ") { totalCount } }`);
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const big = await t.run(`{ facilities(first: 5000) { totalCount } }`);
    expect(big.errors?.[0]?.message).toBe('first must be between 0 and 200, got 5000');
  });

  it('rejects a bad DateTime variable with BAD_USER_INPUT and a bad literal at validation', async () => {
    const q = `query($t: DateTime) { facilities(where: { updatedAfter: $t }) { totalCount } }`;
    const r = await t.run(q, { t: 'yesterday' });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toContain('DateTime must be an ISO-8601 timestamp');
    const literal = await t.run(`{ facilities(where: { updatedAfter: "yesterday" }) { totalCount } }`);
    expect(literal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.errors?.[0]?.message).toContain('DateTime must be an ISO-8601 timestamp');
  });

  it('hides internal errors behind INTERNAL_SERVER_ERROR without a stack', async () => {
    const original = t.app.directoryReads.provinces;
    t.app.directoryReads.provinces = async () => {
      throw new Error('driver exploded at /secret/path');
    };
    try {
      const r = await t.run(`{ provinces { code } }`);
      expect(r.errors?.[0]).toEqual({
        message: 'Something went wrong on our side; the error has been logged',
        path: ['provinces'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(r)).not.toContain('secret');
      expect(t.logged.length).toBeGreaterThan(0);
    } finally {
      t.app.directoryReads.provinces = original;
    }
  });
});

describe('search across the 2025 reform', () => {
  it('finds an old commune without diacritics and leads to its successor', async () => {
    const r = await t.run(`{ search(text: "dong xa") { kind id name commune { name } } }`);
    expect(r.data?.search[0]).toEqual({
      kind: 'OLD_COMMUNE',
      id: '06994',
      name: 'Xã Đông Xá (Huyện Vân Đồn, Tỉnh Quảng Ninh)',
      commune: { name: 'Đặc khu Vân Đồn' },
    });
  });
});
