import {
  KET_NOI_NAMESPACE,
  NAMESPACE_URL,
  hsdsUuid,
  isUuid,
  uuidv5,
} from '../../../src/domain/ids/hsds-uuid';

describe('uuidv5', () => {
  it('gives the published example of RFC 9562 and the common DNS test vector', () => {
    // RFC 9562 appendix A.4: name "www.example.com" in the DNS namespace.
    expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(uuidv5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('derives the project namespace from its URN', () => {
    expect(uuidv5('urn:ket-noi:hsds', NAMESPACE_URL)).toBe(KET_NOI_NAMESPACE);
  });
});

describe('hsdsUuid', () => {
  it('is stable, a version 5 UUID, and differs by entity for the same id', () => {
    const a = hsdsUuid('location', 'fac-22-chs-06652');
    expect(a).toBe(hsdsUuid('location', 'fac-22-chs-06652'));
    expect(isUuid(a)).toBe(true);
    expect(a[14]).toBe('5');
    expect(hsdsUuid('organization', 'x')).not.toBe(hsdsUuid('location', 'x'));
  });
});
