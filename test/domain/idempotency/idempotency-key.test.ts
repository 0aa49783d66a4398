import { canonicalJson, claimFor, replayedEntity } from '../../../src/domain/idempotency/idempotency-key';

const claim = (key: string | null, payload: Record<string, unknown> = { label: 'A' }, subject = 'cw-1') =>
  claimFor({ operation: 'createCase', subject, key, payload: { ...payload, idempotencyKey: key } });

describe('idempotency keys', () => {
  it('has no claim without a key', () => {
    expect(claim(null)).toBeNull();
  });

  it('scopes the stored id to caller and operation, and never stores the key itself', () => {
    const a = claim('k-1')!;
    expect(a.id).toMatch(/^idem-[0-9a-f]{64}$/);
    expect(a.id).not.toContain('k-1');
    expect(claim('k-1', { label: 'A' }, 'cw-2')!.id).not.toBe(a.id);
    expect(
      claimFor({ operation: 'createReferral', subject: 'cw-1', key: 'k-1', payload: { label: 'A' } })!.id,
    ).not.toBe(a.id);
  });

  it('fingerprints the input without the key, ignoring member order and absent members', () => {
    const a = claim('k-1', { label: 'A', needs: ['SCR.ASD'], dueDate: null })!;
    const b = claim('k-2', { needs: ['SCR.ASD'], label: 'A' })!;
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(claim('k-1', { label: 'B', needs: ['SCR.ASD'] })!.fingerprint).not.toBe(a.fingerprint);
    expect(claim('k-1', { label: 'A', needs: ['SCR.DEV'] })!.fingerprint).not.toBe(a.fingerprint);
  });

  it('refuses malformed keys', () => {
    for (const bad of ['', ' ', 'a b', 'x'.repeat(129), 'khóa', 'a/b']) {
      expect(() => claim(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
    expect(claim('x'.repeat(128))).not.toBeNull();
    expect(claim('0b6f7c1e-2d4a-4f7e-9a61-3c5d2b1a0e9f:retry.1_a')).not.toBeNull();
  });

  it('replays the same input and refuses a different one', () => {
    const a = claim('k-1')!;
    expect(replayedEntity(a, { fingerprint: a.fingerprint, entityId: 'case-1' })).toBe('case-1');
    expect(() => replayedEntity(a, { fingerprint: 'other', entityId: 'case-1' })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('writes canonical JSON', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: 'x' }], e: undefined })).toBe(
      '{"a":[2,{"c":"x"}],"b":1}',
    );
  });
});
