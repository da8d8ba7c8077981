import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A check-in link's token: `<selector>.<verifier>`, both random (16 and 32 bytes, base64url), with
 * nothing encoded in them. The selector finds the stored link; the verifier is the secret, stored
 * only as its SHA-256 and compared in constant time, so neither a database read nor timing gives
 * a working link away.
 */
export interface LinkToken {
  readonly token: string;
  readonly selector: string;
  readonly verifierHash: string;
}

const TOKEN_SHAPE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

const hashOf = (verifier: string) => createHash('sha256').update(verifier, 'utf8').digest('hex');

/** A fresh token, and what is stored of it. */
export function newLinkToken(): LinkToken {
  const selector = randomBytes(16).toString('base64url');
  const verifier = randomBytes(32).toString('base64url');
  return { token: `${selector}.${verifier}`, selector, verifierHash: hashOf(verifier) };
}

/** The two halves of a token as typed into a URL, or undefined when it is not a token's shape at all. */
export function parseLinkToken(token: string): { selector: string; verifier: string } | undefined {
  const match = TOKEN_SHAPE.exec(token);
  return match ? { selector: match[1]!, verifier: match[2]! } : undefined;
}

/** Whether the secret half matches the stored hash, compared in constant time. */
export function verifierMatches(verifier: string, storedHash: string): boolean {
  const given = Buffer.from(hashOf(verifier), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
