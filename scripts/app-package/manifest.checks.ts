import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { ACTIVITY_TYPES } from '../../src/domain/activity-feed';
import { type Raster, decodePng } from './icons.drawing';

/** One thing wrong with an app package: where (a JSON path or file name) and what. */
export interface Problem {
  readonly where: string;
  readonly message: string;
}

/** The manifest as these checks read it: plain JSON, only the parts they look at typed. */
export interface ManifestJson {
  readonly $schema?: unknown;
  readonly manifestVersion?: unknown;
  readonly icons?: { readonly color?: unknown; readonly outline?: unknown };
  readonly bots?: readonly { readonly botId?: unknown; readonly scopes?: readonly unknown[]; readonly commandLists?: readonly { readonly scopes?: readonly unknown[]; readonly commands?: readonly { readonly title?: unknown }[] }[] }[];
  readonly staticTabs?: readonly Record<string, unknown>[];
  readonly configurableTabs?: readonly Record<string, unknown>[];
  readonly validDomains?: readonly unknown[];
  readonly webApplicationInfo?: { readonly id?: unknown; readonly resource?: unknown };
  readonly authorization?: { readonly permissions?: { readonly resourceSpecific?: readonly { readonly name?: unknown }[] } };
  readonly activities?: { readonly activityTypes?: readonly { readonly type?: unknown; readonly templateText?: unknown }[] };
  readonly localizationInfo?: { readonly defaultLanguageTag?: unknown; readonly additionalLanguages?: readonly { readonly languageTag?: unknown; readonly file?: unknown }[] };
  readonly [key: string]: unknown;
}

/** Teams shows at most ten commands for a scope (schema allows twelve a list, three lists). */
export const MAX_COMMANDS_PER_SCOPE = 10;
const ICON_SIZES = { color: 192, outline: 32 } as const;
/** Properties whose URLs load inside the Teams, Outlook or Microsoft 365 frame. */
const FRAMED_URL_KEYS = ['contentUrl', 'websiteUrl', 'searchUrl', 'configurationUrl'] as const;
const SCHEMA_URL = (version: string) => `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;

/**
 * The manifest schema of `manifestVersion` (or another of its schemas: `file`, such as the
 * language files'), read from the copy bundled in `@microsoft/app-manifest`.
 * Passing it explicitly keeps validation offline: given only the manifest, the library would
 * download any schema it does not bundle.
 */
export function bundledSchema(manifestVersion: string, file = 'MicrosoftTeams.schema.json'): object | undefined {
  if (!/^(\d+\.\d+|devPreview)$/.test(manifestVersion)) return undefined;
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const folder = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  try {
    return JSON.parse(readFileSync(join(root, 'build', 'json-schemas', 'teams', folder, file), 'utf8')) as object;
  } catch {
    return undefined; // not bundled: reported by the caller as an unknown manifest version
  }
}

/** The newest numbered (not devPreview) manifest schema version the installed package bundles. */
export function newestBundledManifestVersion(): string {
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const folders = readdirSync(join(root, 'build', 'json-schemas', 'teams'));
  const versions = folders.filter((name) => /^v\d+\.\d+$/.test(name)).map((name) => name.slice(1));
  return versions.sort((a, b) => compareVersions(b, a))[0]!;
}

function compareVersions(a: string, b: string): number {
  const [aMajor, aMinor] = a.split('.').map(Number) as [number, number];
  const [bMajor, bMinor] = b.split('.').map(Number) as [number, number];
  return aMajor - bMajor || aMinor - bMinor;
}

/** Validates against the bundled JSON schema, with ajv's messages made readable. */
export async function schemaProblems(manifest: ManifestJson): Promise<Problem[]> {
  const version = typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : '';
  const schema = bundledSchema(version);
  if (!schema) return [{ where: 'manifestVersion', message: `"${version}" is not a manifest version @microsoft/app-manifest bundles (newest: ${newestBundledManifestVersion()})` }];
  const problems: Problem[] = [];
  if (manifest.$schema !== SCHEMA_URL(version)) problems.push({ where: '$schema', message: `should be ${SCHEMA_URL(version)} to match manifestVersion ${version}` });
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
  for (const error of errors) {
    const match = /^(\S*) (.*?)\. Details: (.*)$/s.exec(error);
    const where = match?.[1] ? match[1].slice(1).replace(/\//g, '.') : '(manifest)';
    let message = match?.[2] ?? error;
    const details = match?.[3] ? (JSON.parse(match[3]) as { allowedValues?: unknown[]; additionalProperty?: string }) : {};
    if (details.allowedValues) message += ` (${details.allowedValues.join(', ')})`;
    if (details.additionalProperty) message += ` ("${details.additionalProperty}")`;
    problems.push({ where: `schema: ${where}`, message });
  }
  return problems;
}

/** Whether a validDomains entry (an exact host, optionally with port, or `*.suffix`) covers a URL's host. */
export function domainCovers(entry: string, url: URL): boolean {
  const host = url.host.toLowerCase();
  const pattern = entry.toLowerCase();
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return host === pattern;
}

/** Every framed URL (tabs, the Outlook add-in's page and ribbon icons) is https and its host is in validDomains; the entries themselves are hosts. */
export function domainProblems(manifest: ManifestJson): Problem[] {
  const problems: Problem[] = [];
  const domains = (manifest.validDomains ?? []).filter((domain): domain is string => typeof domain === 'string');
  domains.forEach((domain, index) => {
    if (domain.includes('://') || domain.includes('/')) problems.push({ where: `validDomains.${index}`, message: `"${domain}" must be a host name only (no scheme, no path)` });
    if (domain === '*' || /^\*\.[^.]+$/.test(domain)) problems.push({ where: `validDomains.${index}`, message: `"${domain}" is too broad: name the app's own host` });
  });
  const checkUrl = (where: string, value: string) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push({ where, message: `"${value}" is not a URL` });
      return;
    }
    if (url.protocol !== 'https:') problems.push({ where, message: `"${value}" must use https: Teams, Outlook and the Microsoft 365 app load tabs and add-ins over https only` });
    if (!domains.some((domain) => domainCovers(domain, url))) problems.push({ where, message: `host "${url.host}" is not in validDomains (${domains.join(', ') || 'none'})` });
  };
  for (const [list, tabs] of [['staticTabs', manifest.staticTabs], ['configurableTabs', manifest.configurableTabs]] as const) {
    (tabs ?? []).forEach((tab, index) => {
      for (const key of FRAMED_URL_KEYS) {
        const value = tab[key];
        if (typeof value === 'string') checkUrl(`${list}.${index}.${key}`, value);
      }
    });
  }
  for (const [where, value] of extensionUrls(manifest.extensions)) checkUrl(where, value);
  return problems;
}

/** The Outlook add-in's URLs: each runtime's page and every ribbon icon, with where each is. */
function extensionUrls(extensions: unknown): [string, string][] {
  const found: [string, string][] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((entry, index) => walk(entry, `${path}.${index}`));
    else if (value && typeof value === 'object') {
      for (const [key, entry] of Object.entries(value)) {
        if ((key === 'page' || key === 'url') && typeof entry === 'string') found.push([`${path}.${key}`, entry]);
        else walk(entry, `${path}.${key}`);
      }
    }
  };
  walk(extensions, 'extensions');
  return found;
}

/**
 * Tab SSO: `webApplicationInfo.resource` must be `api://<tab host>/<id>` — the Application ID URI
 * the tab's tokens are issued for — on the tab's own domain, which is also in validDomains.
 */
export function ssoProblems(manifest: ManifestJson, expected: { tabDomain?: string | undefined }): Problem[] {
  const info = manifest.webApplicationInfo;
  const problems: Problem[] = [];
  const rsc = manifest.authorization?.permissions?.resourceSpecific ?? [];
  if (!info) {
    if (rsc.length > 0) problems.push({ where: 'webApplicationInfo', message: 'resource-specific permissions need webApplicationInfo (id and resource)' });
    return problems;
  }
  if (typeof info.resource !== 'string') return [{ where: 'webApplicationInfo.resource', message: 'is required for tab single sign-on' }];
  const match = /^api:\/\/([^/]+)\/([0-9a-fA-F-]{36})$/.exec(info.resource);
  if (!match) return [{ where: 'webApplicationInfo.resource', message: `"${info.resource}" should be api://<tab domain>/<webApplicationInfo.id>` }];
  const [, host, id] = match as unknown as [string, string, string];
  if (id.toLowerCase() !== String(info.id).toLowerCase()) problems.push({ where: 'webApplicationInfo.resource', message: `ends in ${id}, but webApplicationInfo.id is ${String(info.id)}` });
  if (expected.tabDomain !== undefined && host.toLowerCase() !== expected.tabDomain.toLowerCase()) problems.push({ where: 'webApplicationInfo.resource', message: `host "${host}" should be TAB_DOMAIN "${expected.tabDomain}"` });
  const domains = (manifest.validDomains ?? []).filter((domain): domain is string => typeof domain === 'string');
  if (!domains.some((domain) => domainCovers(domain, new URL(`https://${host}/`)))) problems.push({ where: 'webApplicationInfo.resource', message: `host "${host}" is not in validDomains` });
  return problems;
}

/** At most ten commands per scope, no title twice in a scope, and lists only for the bot's own scopes. */
export function commandProblems(manifest: ManifestJson): Problem[] {
  const problems: Problem[] = [];
  (manifest.bots ?? []).forEach((bot, botIndex) => {
    const perScope = new Map<string, string[]>();
    (bot.commandLists ?? []).forEach((list, listIndex) => {
      for (const scope of list.scopes ?? []) {
        if (typeof scope !== 'string') continue;
        if (!(bot.scopes ?? []).includes(scope)) problems.push({ where: `bots.${botIndex}.commandLists.${listIndex}.scopes`, message: `"${scope}" is not one of the bot's scopes` });
        perScope.set(scope, [...(perScope.get(scope) ?? []), ...(list.commands ?? []).map((command) => String(command.title).toLowerCase())]);
      }
    });
    for (const [scope, titles] of perScope) {
      if (titles.length > MAX_COMMANDS_PER_SCOPE) problems.push({ where: `bots.${botIndex}.commandLists`, message: `${titles.length} commands for scope "${scope}"; Teams shows at most ${MAX_COMMANDS_PER_SCOPE}` });
      const repeated = titles.filter((title, index) => titles.indexOf(title) !== index);
      if (repeated.length > 0) problems.push({ where: `bots.${botIndex}.commandLists`, message: `scope "${scope}" lists ${[...new Set(repeated)].join(', ')} more than once` });
    }
  });
  const entityIds = [...(manifest.staticTabs ?? [])].map((tab) => tab.entityId);
  const repeatedTabs = entityIds.filter((id, index) => entityIds.indexOf(id) !== index);
  if (repeatedTabs.length > 0) problems.push({ where: 'staticTabs', message: `entityId ${repeatedTabs.join(', ')} is used twice` });
  return problems;
}

/** The template parameters the app fills in each activity-feed item it sends (`{actor}` is Teams' own: the app). */
const ACTIVITY_PARAMETERS = new Set(['actor', 'caseReference']);

/** The activity types declared are exactly those the app sends (`ACTIVITY_TYPES`), each template asking only for the parameters it fills. */
export function activityProblems(manifest: ManifestJson): Problem[] {
  const declared = manifest.activities?.activityTypes ?? [];
  const types = declared.map((activity) => String(activity.type));
  const problems: Problem[] = [];
  const missing = ACTIVITY_TYPES.filter((type) => !types.includes(type));
  const extra = types.filter((type) => !(ACTIVITY_TYPES as readonly string[]).includes(type));
  if (missing.length > 0) problems.push({ where: 'activities.activityTypes', message: `does not declare ${missing.join(', ')}, which the app sends` });
  if (extra.length > 0) problems.push({ where: 'activities.activityTypes', message: `declares ${extra.join(', ')}, which the app never sends` });
  declared.forEach((activity, index) => {
    const unknown = [...String(activity.templateText).matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).filter((name) => !ACTIVITY_PARAMETERS.has(name));
    if (unknown.length > 0) problems.push({ where: `activities.activityTypes.${index}.templateText`, message: `asks for ${unknown.join(', ')}, which the app does not send` });
  });
  return problems;
}

/** The manifest's string at a localization key (`name.short`, `bots[0].commandLists[1].commands[2].description`), if there is one. */
function manifestStringAt(manifest: ManifestJson, key: string): string | undefined {
  let value: unknown = manifest;
  for (const part of key.match(/[^.[\]]+/g) ?? []) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The bundled localization schema with its activity-type patterns made valid for ajv's Unicode
 * regular expressions: Microsoft's write `…\b]\.templateText$` with a lone `]`, which a `u`
 * pattern refuses (`\]` means the same in either mode).
 */
function usableLocalizationSchema(schema: object | undefined): object | undefined {
  const patterns = (schema as { patternProperties?: Record<string, unknown> } | undefined)?.patternProperties;
  if (!schema || !patterns) return schema;
  return { ...schema, patternProperties: Object.fromEntries(Object.entries(patterns).map(([pattern, rule]) => [pattern.replace(/\\b\](?=\\\.)/g, '\\b\\]'), rule])) };
}

/**
 * Each language file the manifest names (`localizationInfo`): there, valid JSON on the bundled
 * localization schema, every key naming a string the manifest has, and an activity's template
 * asking for the same parameters in both languages.
 */
export async function localizationProblems(manifest: ManifestJson, readFile: (name: string) => Uint8Array | undefined): Promise<Problem[]> {
  const problems: Problem[] = [];
  const version = typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : '';
  for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
    const name = String(language.file);
    const bytes = readFile(name);
    if (!bytes) {
      problems.push({ where: `localizationInfo (${String(language.languageTag)})`, message: `"${name}" is missing` });
      continue;
    }
    let strings: Record<string, unknown>;
    try {
      strings = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    } catch {
      problems.push({ where: name, message: 'is not valid JSON' });
      continue;
    }
    const schema = usableLocalizationSchema(bundledSchema(version, 'MicrosoftTeams.Localization.schema.json'));
    for (const error of schema ? await AppManifestUtils.validateAgainstSchema(strings as never, schema as never) : []) problems.push({ where: `schema: ${name}`, message: error.split('. Details:')[0]!.trim() });
    for (const [key, text] of Object.entries(strings)) {
      if (key === '$schema') continue;
      const english = manifestStringAt(manifest, key);
      if (english === undefined) {
        problems.push({ where: name, message: `"${key}" names nothing in the manifest` });
        continue;
      }
      const parameters = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort().join(',');
      if (key.startsWith('activities.') && parameters(String(text)) !== parameters(english)) problems.push({ where: `${name}: ${key}`, message: 'asks for other parameters than the manifest’s own' });
    }
  }
  return problems;
}

/**
 * Icon checks the schema cannot make: each file is a PNG of the right size; the outline icon has
 * a transparent background and uses white only (any opacity), as Teams requires.
 */
export function iconProblems(manifest: ManifestJson, readFile: (name: string) => Uint8Array | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const name = manifest.icons?.[kind];
    if (typeof name !== 'string') continue; // the schema reports a missing icon
    const bytes = readFile(name);
    if (!bytes) {
      problems.push({ where: `icons.${kind}`, message: `"${name}" is not in the app package folder` });
      continue;
    }
    let icon: Raster;
    try {
      icon = decodePng(bytes);
    } catch (error) {
      problems.push({ where: `icons.${kind}`, message: `"${name}" is not a readable PNG (${error instanceof Error ? error.message : String(error)})` });
      continue;
    }
    const size = ICON_SIZES[kind];
    if (icon.width !== size || icon.height !== size) problems.push({ where: `icons.${kind}`, message: `"${name}" is ${icon.width}×${icon.height}; it must be ${size}×${size}` });
    if (kind === 'outline') problems.push(...outlineColourProblems(icon, name));
  }
  return problems;
}

function outlineColourProblems(icon: Raster, name: string): Problem[] {
  let coloured = 0;
  let transparent = 0;
  for (let offset = 0; offset < icon.data.length; offset += 4) {
    const alpha = icon.data[offset + 3]!;
    if (alpha === 0) transparent += 1;
    else if (icon.data[offset] !== 255 || icon.data[offset + 1] !== 255 || icon.data[offset + 2] !== 255) coloured += 1;
  }
  const problems: Problem[] = [];
  if (coloured > 0) problems.push({ where: 'icons.outline', message: `"${name}" has ${coloured} pixels that are not white; use white on transparent only` });
  if (transparent === 0) problems.push({ where: 'icons.outline', message: `"${name}" has no transparent pixels; its background must be transparent` });
  return problems;
}

/** No `${{…}}` survives in a manifest that is about to be validated or packaged. */
export function leftoverPlaceholderProblems(manifestText: string): Problem[] {
  const names = [...manifestText.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((match) => match[1]!);
  return names.length === 0 ? [] : [{ where: 'manifest.json', message: `unfilled placeholders: ${[...new Set(names)].join(', ')}` }];
}

/**
 * Every check on a filled manifest: the bundled JSON schema first, then what the schema does not
 * cover (icons, domains, SSO resource, command limits). An empty list means the package is sound.
 */
export async function checkManifest(options: { manifestText: string; readFile: (name: string) => Uint8Array | undefined; tabDomain?: string | undefined }): Promise<Problem[]> {
  const leftovers = leftoverPlaceholderProblems(options.manifestText);
  let manifest: ManifestJson;
  try {
    manifest = JSON.parse(options.manifestText) as ManifestJson;
  } catch (error) {
    return [...leftovers, { where: 'manifest.json', message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` }];
  }
  return [
    ...leftovers,
    ...(await schemaProblems(manifest)),
    ...iconProblems(manifest, options.readFile),
    ...domainProblems(manifest),
    ...ssoProblems(manifest, { tabDomain: options.tabDomain }),
    ...commandProblems(manifest),
    ...activityProblems(manifest),
    ...(await localizationProblems(manifest, options.readFile)),
  ];
}
