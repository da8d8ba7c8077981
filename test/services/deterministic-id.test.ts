import { CORE_GROUP_ID_NAMESPACE, uuidFromKey, uuidV5 } from '../../src/services/deterministic-id';

const NAMESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('ids derived from business keys', () => {
  test('are RFC 9562 version 5: the RFC’s own example comes out as it says', () => {
    // RFC 9562, Appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', NAMESPACE_DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  test.each(['job:prompt:a', 'concern:7f0c', 'delivery:m:1:p:teams:sent', '', 'ünïcödé — key'])('carry version 5 and the RFC variant, for %j', (key) => {
    const id = uuidFromKey(key);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).toBe(uuidV5(key, CORE_GROUP_ID_NAMESPACE));
  });

  test('are stable for a key and differ between keys', () => {
    expect(uuidFromKey('job:prompt:a')).toBe(uuidFromKey('job:prompt:a'));
    expect(uuidFromKey('job:prompt:a')).toBe('fcca0361-31cb-5e55-967a-390d45a2a25e');
    expect(new Set(Array.from({ length: 1000 }, (_, index) => uuidFromKey(`key:${index}`))).size).toBe(1000);
  });

  test('a namespace that is not a UUID is refused', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(TypeError);
  });
});
