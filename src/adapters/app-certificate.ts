import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The app registration's certificate credential: what Entra ID needs to accept a signed client assertion. */
export interface AppCertificate {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
  /** Hex SHA-1 thumbprint (botbuilder's credential factory) and SHA-256 thumbprint (msal-node for Graph). */
  readonly thumbprintSha1: string;
  readonly thumbprintSha256: string;
}

/**
 * Reads one PEM file holding the certificate uploaded to the app registration and its private key
 * (as Key Vault exports it). Fails with a clear message when either part is missing or the key
 * does not belong to the certificate — at start-up, not at the first outbound call.
 */
export function loadAppCertificate(path: string): AppCertificate {
  const pem = readFileSync(path, 'utf8');
  const certificatePem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  const privateKeyPem = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(pem)?.[0];
  if (!certificatePem || !privateKeyPem) throw new Error(`${path}: expected a PEM file with the certificate and its private key`);
  const certificate = new X509Certificate(certificatePem);
  if (!certificate.checkPrivateKey(createPrivateKey(privateKeyPem))) throw new Error(`${path}: the private key does not belong to the certificate`);
  const hex = (fingerprint: string) => fingerprint.replace(/:/g, '').toLowerCase();
  return { privateKeyPem, certificatePem, thumbprintSha1: hex(certificate.fingerprint), thumbprintSha256: hex(certificate.fingerprint256) };
}
