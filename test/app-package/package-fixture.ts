import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository's own app package folder. */
export const APP_PACKAGE_DIR = join(__dirname, '..', '..', 'appPackage');

/** Settings a provisioned test environment would have: every placeholder the manifest uses. */
export const TEST_ENV: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '0b6c1f4e-2d7a-4c1e-9f3b-5a8d2e6c7b10',
  BOT_ID: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  AAD_APP_CLIENT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  TAB_DOMAIN: 'app-coregroup-test.azurewebsites.net',
  TAB_ENDPOINT: 'https://app-coregroup-test.azurewebsites.net',
  APP_NAME: 'Core Group (test)',
  DEVELOPER_NAME: 'Anyshire Children’s Services',
  DEVELOPER_WEBSITE_URL: 'https://www.anyshire.gov.uk/children',
  DEVELOPER_PRIVACY_URL: 'https://www.anyshire.gov.uk/privacy/core-group',
  DEVELOPER_TERMS_URL: 'https://www.anyshire.gov.uk/terms',
};

/** A manifest as a test edits it: any path may be changed or removed, valid or not. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break the manifest on purpose, anywhere
export type ManifestDraft = Record<string, any>;

/** A scratch repository layout (appPackage/ and env/) that a test may change freely. */
export interface ScratchRepo {
  readonly root: string;
  readonly appPackageDir: string;
  readonly envDir: string;
  /** Rewrites the manifest template through a function of its parsed JSON. */
  editManifest(edit: (manifest: ManifestDraft) => void): void;
  writeEnv(name: string, values: Readonly<Record<string, string>>): void;
}

/** Copies the real manifest and icons into a temporary folder with a `test` environment. */
export function scratchRepo(values: Readonly<Record<string, string>> = TEST_ENV): ScratchRepo {
  const root = mkdtempSync(join(tmpdir(), 'coregroup-app-package-'));
  const appPackageDir = join(root, 'appPackage');
  const envDir = join(root, 'env');
  mkdirSync(appPackageDir);
  mkdirSync(envDir);
  for (const name of ['manifest.json', 'color.png', 'outline.png', 'cy.json']) copyFileSync(join(APP_PACKAGE_DIR, name), join(appPackageDir, name));
  const repo: ScratchRepo = {
    root,
    appPackageDir,
    envDir,
    editManifest(edit) {
      const path = join(appPackageDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as ManifestDraft;
      edit(manifest);
      writeFileSync(path, JSON.stringify(manifest, null, 2));
    },
    writeEnv(name, env) {
      writeFileSync(join(envDir, `.env.${name}`), Object.entries(env).map(([key, value]) => `${key}=${value}`).join('\n'));
    },
  };
  repo.writeEnv('test', values);
  return repo;
}
