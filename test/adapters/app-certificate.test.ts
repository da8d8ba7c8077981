import { X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { loadAppCertificate } from '../../src/adapters/app-certificate';

const dir = mkdtempSync(join(tmpdir(), 'coregroup-cert-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('the app registration certificate', () => {
  let pems: { cert: string; private: string };
  let other: { cert: string; private: string };
  beforeAll(async () => {
    pems = await generate([{ name: 'commonName', value: 'core-group-bot' }], { keyType: 'rsa', keySize: 2048 } as never);
    other = await generate([{ name: 'commonName', value: 'someone-else' }], { keyType: 'rsa', keySize: 2048 } as never);
  });

  test('a PEM with the certificate and its key gives both thumbprints Entra ID and msal-node expect', () => {
    const loaded = loadAppCertificate(write('app.pem', `${pems.private}\n${pems.cert}`));
    const x509 = new X509Certificate(pems.cert);
    expect(loaded.thumbprintSha1).toBe(x509.fingerprint.replace(/:/g, '').toLowerCase());
    expect(loaded.thumbprintSha256).toBe(x509.fingerprint256.replace(/:/g, '').toLowerCase());
    expect(loaded.thumbprintSha1).toMatch(/^[0-9a-f]{40}$/);
    expect(loaded.privateKeyPem).toContain('PRIVATE KEY');
  });

  test('a file without the private key is refused at start-up', () => {
    expect(() => loadAppCertificate(write('cert-only.pem', pems.cert))).toThrow('expected a PEM file with the certificate and its private key');
  });

  test('a key that does not belong to the certificate is refused at start-up', () => {
    expect(() => loadAppCertificate(write('mismatch.pem', `${other.private}\n${pems.cert}`))).toThrow('does not belong to the certificate');
  });
});
