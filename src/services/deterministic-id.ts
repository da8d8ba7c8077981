import { createHash } from 'node:crypto';

/** The app's own namespace for name-based UUIDs (a fixed random UUID, never to change: ids derive from it). */
export const CORE_GROUP_ID_NAMESPACE = '032535a9-9692-4485-9bd9-0eb34b75b67f';

/**
 * A name-based UUID, version 5 (RFC 9562 §5.5): the SHA-1 of the namespace's 16 bytes followed by
 * the name in UTF-8, cut to 128 bits, with the version (0101) and the variant (10) bits set.
 * Anyone with the namespace and the name gets the same id, with any RFC 9562 implementation.
 */
export function uuidV5(name: string, namespace: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new TypeError('The namespace must be a UUID.');
  const bytes = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A UUID that is always the same for the same key: ids for rows and jobs derived from business
 * keys (and Graph's `transactionId`), so a retry produces the same id instead of a new one. It is
 * a version 5 (name-based) UUID in the app's namespace — labelled as what it is, not as a random v4.
 */
export function uuidFromKey(key: string): string {
  return uuidV5(key, CORE_GROUP_ID_NAMESPACE);
}
