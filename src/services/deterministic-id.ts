import { createHash } from 'node:crypto';

/**
 * A GUID that is always the same for the same key: ids for rows and jobs derived from business
 * keys (and Graph's `transactionId`), so a retry produces the same id instead of a new one.
 */
export function uuidFromKey(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
