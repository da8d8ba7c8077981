import { isIP } from 'node:net';
import { z } from 'zod';
import type { PolicyProfile } from '../domain/policy';
import { DEFAULT_PROTECTIVE_MARKING } from '../export/protective-marking';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

const csv = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean));

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const environmentSchema = z.object({
  CORE_GROUP_MODE: z.enum(['local', 'production']).default('local'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  SQLITE_FILE: z.string().min(1).default('.data/coregroup.db'),
  BANK_HOLIDAYS_FILE: z.string().min(1).optional(),
  EXTRA_POLICIES_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUTH_DISABLED: flag,
  MICROSOFT_APP_ID: z.string().uuid('must be the bot\'s Entra application (client) id').optional(),
  MICROSOFT_APP_TENANT_ID: z.string().uuid('must be the Entra tenant id').optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_CERT_PATH: z.string().min(1).optional(),
  ALLOWED_TENANT_IDS: csv.pipe(z.array(z.string().uuid('every entry must be a tenant id (GUID)'))),
  GRAPH_MODE: z.enum(['simulator', 'microsoft']).optional(),
  GRAPH_SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(3979),
  GRAPH_CLIENT_ID: z.string().uuid('must be the Entra application (client) id used for Graph').optional(),
  GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
  ORGANISER_MAILBOX: z.string().email('must be a mailbox address').optional(),
  CP9_COORDINATOR_MAILBOX: z.string().email('must be the Children Services co-ordinator\'s mailbox address').optional(),
  TEAMS_APP_ID: z.string().uuid('must be the Teams app id from the org app catalogue').optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  PLAYGROUND_PORT: z.coerce.number().int().min(0).max(65535).default(56150),
  TAB_SSO_AUDIENCE: z.string().min(1).optional(),
  JOB_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  FAMILY_LINK_DAYS: z.coerce.number().int().min(1, 'must be at least 1 day').max(28, 'must be at most 28 days').default(7),
  PLAYGROUND: z.enum(['on', 'off']).default('on'),
  PROTECTIVE_MARKING: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(60, 'must be at most 60 characters')
    // Printed on every page: no control, format or markup characters, nothing a page could not show.
    .regex(/^[\p{L}\p{N}\p{P} ]+$/u, 'letters, digits, spaces and punctuation only')
    .default(DEFAULT_PROTECTIVE_MARKING),
});

/** The service's settings, parsed once at start-up and frozen. Nothing else reads the environment. */
export interface Config {
  readonly mode: 'local' | 'production';
  readonly host: string;
  readonly port: number;
  readonly database: { readonly url?: string | undefined; readonly sqliteFile: string };
  readonly bankHolidaysFile?: string | undefined;
  readonly extraPoliciesDir?: string | undefined;
  readonly logLevel: string;
  readonly authDisabled: boolean;
  /** Printed at the top and bottom of every page of every export (the area's Government Security Classification). */
  readonly protectiveMarking: string;
  readonly bot: {
    readonly appId?: string | undefined;
    readonly tenantId?: string | undefined;
    readonly password?: string | undefined;
    readonly certificatePath?: string | undefined;
  };
  readonly allowedTenantIds: readonly string[];
  readonly graph: {
    /** The Graph simulator (local mode only) or Microsoft Graph. */
    readonly mode: 'simulator' | 'microsoft';
    readonly simulatorPort: number;
    readonly clientId?: string | undefined;
    readonly clientSecret?: string | undefined;
    readonly organiserMailbox?: string | undefined;
    readonly teamsAppId: string;
  };
  /**
   * The area's Children Services co-ordinator mailbox, where CP9 records go (seed 001). Needed only
   * where a core group's profile has a CP9 rule; local mode defaults to the demo co-ordinator.
   */
  readonly cp9CoordinatorMailbox?: string | undefined;
  /** Where Microsoft reaches this service (Graph change notifications); defaults to the local URL. */
  readonly publicBaseUrl?: string | undefined;
  /** Local mode: start the Microsoft 365 Agents Playground as the Teams client, on this port. */
  readonly playground: { readonly enabled: boolean; readonly port: number };
  /** Audiences a tab SSO token may be for: the app registration's Application ID URI and its client id. */
  readonly tabSsoAudiences: readonly string[];
  /** How long a claimed job stays with its instance: after a crash, its jobs are taken up again once this passes. */
  readonly jobLeaseMs: number;
  /** How many days a parent's e-mailed check-in link works for. */
  readonly familyLinkDays: number;
}

/** The app id the local stack uses when no catalogue id is configured. */
export const LOCAL_TEAMS_APP_ID = 'c0de0000-0000-4000-8000-00000000c0de';

/** Where local mode sends CP9 records when no co-ordinator mailbox is configured: the Graph simulator takes any address. */
export const LOCAL_CP9_COORDINATOR_MAILBOX = 'cp9.coordinator@demo.example';

/** Thrown when the environment cannot make a safe configuration; the message names the variable. */
export class ConfigError extends Error {
  readonly code = 'config-invalid' as const;
}

/**
 * Parses the environment into a frozen `Config`, failing fast with the name of the variable at
 * fault. Production refuses to start without bot credentials, without a tenant allow-list, or with
 * authentication switched off; local mode refuses to listen anywhere but loopback.
 */
export function loadConfig(environment: Readonly<Record<string, string | undefined>>): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0] ?? 'environment')}: ${issue.message}`);
  }
  const env = parsed.data;
  const config: Config = {
    mode: env.CORE_GROUP_MODE,
    host: env.HOST,
    port: env.PORT,
    database: { url: env.DATABASE_URL, sqliteFile: env.SQLITE_FILE },
    bankHolidaysFile: env.BANK_HOLIDAYS_FILE,
    extraPoliciesDir: env.EXTRA_POLICIES_DIR,
    logLevel: env.LOG_LEVEL,
    protectiveMarking: env.PROTECTIVE_MARKING,
    authDisabled: env.AUTH_DISABLED || env.CORE_GROUP_MODE === 'local',
    bot: {
      appId: env.MICROSOFT_APP_ID,
      tenantId: env.MICROSOFT_APP_TENANT_ID,
      password: env.MICROSOFT_APP_PASSWORD,
      certificatePath: env.MICROSOFT_APP_CERT_PATH,
    },
    allowedTenantIds: Object.freeze(env.ALLOWED_TENANT_IDS),
    graph: {
      mode: env.GRAPH_MODE ?? (env.CORE_GROUP_MODE === 'production' ? 'microsoft' : 'simulator'),
      simulatorPort: env.GRAPH_SIMULATOR_PORT,
      clientId: env.GRAPH_CLIENT_ID ?? env.MICROSOFT_APP_ID,
      clientSecret: env.GRAPH_CLIENT_SECRET ?? env.MICROSOFT_APP_PASSWORD,
      organiserMailbox: env.ORGANISER_MAILBOX,
      teamsAppId: env.TEAMS_APP_ID ?? LOCAL_TEAMS_APP_ID,
    },
    cp9CoordinatorMailbox: env.CP9_COORDINATOR_MAILBOX ?? (env.CORE_GROUP_MODE === 'local' ? LOCAL_CP9_COORDINATOR_MAILBOX : undefined),
    publicBaseUrl: env.PUBLIC_BASE_URL,
    playground: { enabled: env.CORE_GROUP_MODE === 'local' && env.PLAYGROUND === 'on', port: env.PLAYGROUND_PORT },
    jobLeaseMs: env.JOB_LEASE_MS,
    familyLinkDays: env.FAMILY_LINK_DAYS,
    tabSsoAudiences: Object.freeze(
      [env.TAB_SSO_AUDIENCE ?? (env.PUBLIC_BASE_URL && env.MICROSOFT_APP_ID ? `api://${new URL(env.PUBLIC_BASE_URL).host}/${env.MICROSOFT_APP_ID}` : undefined), env.MICROSOFT_APP_ID].filter((audience): audience is string => Boolean(audience)),
    ),
  };
  if (config.mode === 'production') refuseInsecureProduction(config, env.AUTH_DISABLED);
  else if (!isLoopback(config.host)) {
    throw new ConfigError(`HOST: local mode runs without authentication and must listen on loopback (127.0.0.1 or ::1), got "${config.host}"; set CORE_GROUP_MODE=production to serve other hosts`);
  }
  return deepFreeze(config);
}

function refuseInsecureProduction(config: Config, authDisabled: boolean): void {
  if (authDisabled) throw new ConfigError('AUTH_DISABLED: authentication cannot be switched off in production');
  if (!config.bot.appId) throw new ConfigError('MICROSOFT_APP_ID: production needs the bot\'s application id (an empty id switches bot authentication off)');
  if (!config.bot.tenantId) throw new ConfigError('MICROSOFT_APP_TENANT_ID: production runs single-tenant and needs the tenant id');
  if (!config.bot.password && !config.bot.certificatePath) {
    throw new ConfigError('MICROSOFT_APP_PASSWORD: production needs the bot\'s client secret or MICROSOFT_APP_CERT_PATH');
  }
  if (config.allowedTenantIds.length === 0) throw new ConfigError('ALLOWED_TENANT_IDS: production needs the list of tenants allowed to use the app');
  if (!config.database.url) throw new ConfigError('DATABASE_URL: production runs on PostgreSQL, shared by every instance');
  if (config.graph.mode !== 'microsoft') throw new ConfigError('GRAPH_MODE: the Graph simulator is for local mode only');
  if (!config.graph.clientSecret && !config.bot.certificatePath) throw new ConfigError('GRAPH_CLIENT_SECRET: production needs a credential for Microsoft Graph');
  if (config.graph.teamsAppId === LOCAL_TEAMS_APP_ID) throw new ConfigError('TEAMS_APP_ID: production needs the Teams app id from your org app catalogue');
  if (!config.publicBaseUrl?.startsWith('https://')) throw new ConfigError('PUBLIC_BASE_URL: production needs the https address Microsoft reaches this service on');
}

/**
 * Refuses to run half-configured: where core groups follow a profile that sends CP9 to the Children
 * Services co-ordinator (seed 001), the co-ordinator's mailbox must be set, or every CP9 would fail
 * when a social worker presses Send. Checked at start-up against the profiles of the plans running.
 */
export function checkCp9Coordinator(config: Pick<Config, 'cp9CoordinatorMailbox'>, profilesInUse: readonly Pick<PolicyProfile, 'id' | 'rules'>[]): void {
  if (config.cp9CoordinatorMailbox) return;
  const needing = profilesInUse.filter((profile) => profile.rules.cp9ToCoordinator).map((profile) => profile.id);
  if (needing.length === 0) return;
  throw new ConfigError(`CP9_COORDINATOR_MAILBOX: core groups on the profile ${needing.map((id) => `"${id}"`).join(', ')} send CP9 to the Children Services co-ordinator; set the co-ordinator's mailbox address`);
}

function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || (isIP(host) === 4 && host.startsWith('127.'));
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object' && !Object.isFrozen(child)) deepFreeze(child);
  }
  return Object.freeze(value);
}
