import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Zippable, zipSync } from 'fflate';
import { loadEnvironment } from './env-file';
import { type ManifestJson, type Problem, checkManifest } from './manifest.checks';
import { fillPlaceholders } from './placeholders';

/** Thrown when the filled manifest fails a check; `problems` says each thing wrong. */
export class AppPackageInvalidError extends Error {
  readonly code = 'app-package-invalid' as const;
  constructor(readonly problems: readonly Problem[]) {
    super(`the app package has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((problem) => `  ${problem.where}: ${problem.message}`).join('\n')}`);
  }
}

/** Where an app package comes from and which environment fills it. */
export interface PackageSource {
  /** The folder holding manifest.json and the icons (`appPackage/`). */
  readonly appPackageDir: string;
  /** The folder of `.env.<name>` files (`env/`). */
  readonly envDir: string;
  readonly envName: string;
  readonly processEnv?: Readonly<Record<string, string | undefined>>;
}

/** A manifest filled for one environment, checked, with the files it names. */
export interface FilledPackage {
  readonly manifestText: string;
  readonly files: Readonly<Record<string, Uint8Array>>;
  readonly problems: readonly Problem[];
}

/**
 * Fills `manifest.json` from the environment (every placeholder must have a value) and runs every
 * check on the result. Nothing is written.
 */
export async function fillAndCheck(source: PackageSource): Promise<FilledPackage> {
  const values = loadEnvironment({ envDir: source.envDir, envName: source.envName, processEnv: source.processEnv });
  const template = readFileSync(join(source.appPackageDir, 'manifest.json'), 'utf8');
  const manifestText = fillPlaceholders({ template, values, source: `appPackage/manifest.json with env/.env.${source.envName}` });
  const raw = (name: string) => {
    const path = join(source.appPackageDir, name);
    return basename(name) === name && existsSync(path) ? new Uint8Array(readFileSync(path)) : undefined;
  };
  // The language files are filled from the environment as the manifest is.
  const filledLanguages = new Map<string, Uint8Array>();
  for (const name of languageFilesOf(manifestText)) {
    const bytes = raw(name);
    if (bytes) filledLanguages.set(name, new TextEncoder().encode(fillPlaceholders({ template: new TextDecoder().decode(bytes), values, source: `appPackage/${name} with env/.env.${source.envName}` })));
  }
  const readFile = (name: string) => filledLanguages.get(name) ?? raw(name);
  const problems = await checkManifest({ manifestText, readFile, tabDomain: values.TAB_DOMAIN });
  const files: Record<string, Uint8Array> = { 'manifest.json': new TextEncoder().encode(manifestText) };
  try {
    const manifest = JSON.parse(manifestText) as ManifestJson;
    for (const name of [manifest.icons?.color, manifest.icons?.outline, ...languageFilesOf(manifestText)]) {
      const bytes = typeof name === 'string' ? readFile(name) : undefined;
      if (typeof name === 'string' && bytes) files[name] = bytes;
    }
  } catch {
    // not JSON: checkManifest has already reported it, and no zip is written
  }
  return { manifestText, files, problems };
}

/** The language files a manifest names (`localizationInfo.additionalLanguages[].file`); none when it is not JSON. */
function languageFilesOf(manifestText: string): string[] {
  try {
    const manifest = JSON.parse(manifestText) as ManifestJson;
    return (manifest.localizationInfo?.additionalLanguages ?? []).map((language) => language.file).filter((file): file is string => typeof file === 'string');
  } catch {
    return [];
  }
}

/** Zip entries carry this fixed time, so the same inputs always give the same bytes. */
const ZIP_TIME = new Date('2020-01-01T00:00:00Z');

/**
 * Builds `appPackage.<env>.zip` — manifest.json, the two icons and the language files at the zip's root, as Teams
 * expects — into `outDir`, with the filled manifest beside it for inspection. Refuses, writing
 * nothing, when a placeholder is unfilled or any check fails.
 */
export async function buildAppPackage(source: PackageSource & { outDir: string }): Promise<{ zipPath: string; manifestPath: string }> {
  const filled = await fillAndCheck(source);
  if (filled.problems.length > 0) throw new AppPackageInvalidError(filled.problems);
  const entries: Zippable = {};
  for (const [name, bytes] of Object.entries(filled.files)) entries[name] = [bytes, { mtime: ZIP_TIME }];
  mkdirSync(source.outDir, { recursive: true });
  const zipPath = join(source.outDir, `appPackage.${source.envName}.zip`);
  const manifestPath = join(source.outDir, `manifest.${source.envName}.json`);
  writeFileSync(zipPath, zipSync(entries, { level: 9 }));
  writeFileSync(manifestPath, filled.manifestText);
  return { zipPath, manifestPath };
}
