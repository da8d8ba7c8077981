import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseEnvFile } from '../../scripts/app-package/env-file';
import { placeholdersIn } from '../../scripts/app-package/placeholders';
import { cliCommands } from '../../src/cli/main';
import { loadConfig } from '../../src/config/config';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const devEnv = () => parseEnvFile(read('env/.env.dev'), 'env/.env.dev');
const packageJson = () =>
  JSON.parse(read('package.json')) as { scripts: Record<string, string>; engines: { node: string }; dependencies: Record<string, string>; devDependencies: Record<string, string>; optionalDependencies: Record<string, string> };

/** The files the Toolkit fills from env/.env.<name>. */
const TEMPLATES = ['appPackage/manifest.json', 'aad.manifest.json', 'infra/main.parameters.json', 'teamsapp.yml'];

/** The App Service settings infra/main.bicep gives the server: name → Bicep expression. */
function bicepAppSettings(): Map<string, string> {
  const bicep = read('infra/main.bicep');
  const block = bicep.slice(bicep.indexOf("resource webSettings 'Microsoft.Web/sites/config"), bicep.indexOf('dependsOn: [webReadsSecrets]'));
  const lines = [...block.matchAll(/^\s+([A-Z][A-Z0-9_]*): (.+)$/gm)];
  const inline = [...block.matchAll(/\{ ([A-Z][A-Z0-9_]*): ([^}]+?) \}/g)]; // a setting added only when given
  return new Map([...lines, ...inline].map((match) => [match[1]!, match[2]!.trim()]));
}

/** The variables src/config/config.ts reads. */
function configVariables(): Set<string> {
  const source = read('src/config/config.ts');
  const schema = source.slice(source.indexOf('const environmentSchema'), source.indexOf('});', source.indexOf('const environmentSchema')));
  return new Set([...schema.matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]!));
}

describe('deployment configuration', () => {
  test('env/.env.dev declares every variable the manifest, Entra manifests, Bicep parameters and teamsapp.yml use; secrets only in .user files', () => {
    const declared = devEnv();
    const used = new Set(TEMPLATES.flatMap((path) => placeholdersIn(read(path))));
    const secrets = [...used].filter((name) => name.startsWith('SECRET_'));
    expect(secrets.sort()).toEqual(['SECRET_AAD_APP_CLIENT_SECRET', 'SECRET_BOT_PASSWORD', 'SECRET_POSTGRES_ADMIN_PASSWORD']);
    expect([...used].filter((name) => !name.startsWith('SECRET_') && !(name in declared))).toEqual([]);
    expect(Object.keys(declared).filter((name) => name.startsWith('SECRET_'))).toEqual([]);
  });

  test('the secrets file of every environment is ignored by git', () => {
    for (const path of ['env/.env.dev.user', 'env/.env.prod.user']) {
      expect(spawnSync('git', ['check-ignore', '--no-index', '-q', path], { cwd: ROOT }).status).toBe(0);
    }
  });

  test('every App Service setting is a variable the server reads, or one App Service itself uses', () => {
    const known = configVariables();
    const platform = new Set(['WEBSITES_PORT', 'NODE_ENV', 'SCM_DO_BUILD_DURING_DEPLOYMENT', 'CUSTOM_BUILD_COMMAND']);
    const settings = [...bicepAppSettings().keys()];
    expect(settings.length).toBeGreaterThan(10);
    expect(settings.filter((name) => !known.has(name) && !platform.has(name))).toEqual([]);
  });

  test('the App Service settings make a configuration the server accepts in production', () => {
    // Expressions are what Azure resolves at deploy time; literals are taken from the Bicep as written.
    const resolved: Record<string, string> = {
      DATABASE_URL: 'postgres://coregroupadmin:secret@psql-coregroup-test.postgres.database.azure.com:5432/coregroup?sslmode=verify-full',
      MICROSOFT_APP_PASSWORD: 'a client secret from Key Vault',
      MICROSOFT_APP_ID: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
      MICROSOFT_APP_TENANT_ID: '11111111-2222-4333-8444-555555555555',
      ALLOWED_TENANT_IDS: '11111111-2222-4333-8444-555555555555',
      TEAMS_APP_ID: '0b6c1f4e-2d7a-4c1e-9f3b-5a8d2e6c7b10',
      PUBLIC_BASE_URL: 'https://app-coregroup-test.azurewebsites.net',
      TAB_SSO_AUDIENCE: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      GRAPH_CLIENT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      GRAPH_CLIENT_SECRET: 'a client secret from Key Vault',
      LOG_LEVEL: 'info',
      ORGANISER_MAILBOX: 'core.groups@anyshire.gov.uk',
      CP9_COORDINATOR_MAILBOX: 'cp9.coordinator@anyshire.gov.uk',
    };
    const env: Record<string, string> = {};
    for (const [name, expression] of bicepAppSettings()) {
      const literal = /^'([^'$]*)'$/.exec(expression);
      env[name] = literal ? literal[1]! : (resolved[name] ?? `unresolved expression ${expression}`);
    }
    expect(env).toMatchObject({ CORE_GROUP_MODE: 'production', GRAPH_MODE: 'microsoft', HOST: '0.0.0.0' });
    const config = loadConfig(env);
    expect(config.mode).toBe('production');
    expect(config.port).toBe(8080);
    expect(config.tabSsoAudiences).toContain(resolved.TAB_SSO_AUDIENCE);
    // Graph is called as the app the manifest's webApplicationInfo names, not as the bot.
    expect(config.graph.clientId).toBe(resolved.GRAPH_CLIENT_ID);
  });

  test('secrets reach the server only as Key Vault references', () => {
    const settings = bicepAppSettings();
    for (const name of ['DATABASE_URL', 'MICROSOFT_APP_PASSWORD', 'GRAPH_CLIENT_SECRET']) expect(settings.get(name)).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=\$\{secretsUri\}\//);
    expect(read('infra/main.parameters.json')).toMatch(/"postgresAdminPassword": \{ "value": "\$\{\{SECRET_POSTGRES_ADMIN_PASSWORD\}\}" \}/);
  });

  test('the Web App starts with the migrations, through commands that exist', () => {
    expect(read('infra/main.bicep')).toContain("appCommandLine: 'node bin/coregroup.cjs migrate && npm run serve'");
    expect(existsSync(join(ROOT, 'bin', 'coregroup.cjs'))).toBe(true);
    expect(Object.keys(cliCommands({}))).toContain('migrate');
    // Production installs no dev dependencies: serving runs the compiled build, never tsx or Vite.
    const serve = packageJson().scripts.serve;
    expect(serve).toMatch(/^node --max-old-space-size=\$\{CORE_GROUP_HEAP_MB:-\d+\} dist\/src\/main\.js$/);
    expect(read('tsconfig.build.json')).toMatch(/"include": \["src", "bot"\]/);
  });

  test('scales out by a parameter: the plan runs instanceCount instances (1 unless set), with no session affinity, as the shared PostgreSQL store allows', () => {
    const bicep = read('infra/main.bicep');
    expect(bicep).toMatch(/@minValue\(1\)\n@maxValue\(10\)\nparam instanceCount int = 1\n/);
    expect(bicep).toContain('sku: { name: appServiceSku, capacity: instanceCount }');
    expect(bicep).toContain('clientAffinityEnabled: false');
  });

  test('production runs Node 24 LTS, which package.json and CI test', () => {
    expect(read('infra/main.bicep')).toContain("linuxFxVersion: 'NODE|24-lts'");
    expect(read('infra/main.bicep')).not.toMatch(/NODE\|20/);
    expect(packageJson().engines.node).toMatch(/\^24\./);
    expect(read('.ci/run')).toMatch(/^NODE24_VERSION=24\.\d+\.\d+$/m);
  });

  test('a production install needs neither tsx nor better-sqlite3, and App Service installs it that way', () => {
    const pkg = packageJson();
    expect(pkg.dependencies).not.toHaveProperty('tsx');
    expect(pkg.dependencies).not.toHaveProperty('better-sqlite3');
    expect(Object.keys(pkg.devDependencies)).toContain('tsx');
    expect(Object.keys(pkg.optionalDependencies)).toEqual(['better-sqlite3']);
    expect(bicepAppSettings().get('CUSTOM_BUILD_COMMAND')).toBe("'npm install --omit=dev --omit=optional --no-audit --no-fund'");
  });

  test('the deploy builds first, and uploads the build with the CLI and package files, not the source', () => {
    const deploy = read('teamsapp.yml').slice(read('teamsapp.yml').indexOf('\ndeploy:'));
    expect(deploy.indexOf('args: run build\n')).toBeGreaterThan(0);
    expect(deploy.indexOf('args: run build\n')).toBeLessThan(deploy.indexOf('uses: azureAppService/zipDeploy'));
    // .webappignore read by git, with gitignore's rules, over a tree like the one deployed from.
    const tree = mkdtempSync(join(tmpdir(), 'coregroup-webapp-'));
    try {
      const files = ['dist/src/main.js', 'dist/src/cli/main.js', 'dist/bot/core-group.bot.js', 'dist/policies/england.json', 'dist/tab/dist/minutes.html', 'bin/coregroup.cjs', 'package.json', 'package-lock.json',
        'src/main.ts', 'bot/core-group.bot.ts', 'policies/england.json', 'tab/dist/minutes.html', 'tab/src/main.tsx', 'test/x.test.ts', 'scripts/build.cjs', 'node_modules/x/index.js', 'env/.env.dev.user', '.npmrc', 'tsconfig.json', 'tsconfig.build.json', 'infra/main.bicep'];
      for (const file of files) {
        mkdirSync(dirname(join(tree, file)), { recursive: true });
        writeFileSync(join(tree, file), '');
      }
      expect(spawnSync('git', ['init', '-q'], { cwd: tree }).status).toBe(0);
      const shipped = spawnSync('git', ['ls-files', '--others', `--exclude-from=${join(ROOT, '.webappignore')}`], { cwd: tree, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
      expect(shipped.sort()).toEqual(['bin/coregroup.cjs', 'dist/bot/core-group.bot.js', 'dist/policies/england.json', 'dist/src/cli/main.js', 'dist/src/main.js', 'dist/tab/dist/minutes.html', 'package-lock.json', 'package.json']);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  test('teamsapp.yml points at files that exist', () => {
    const paths = [...read('teamsapp.yml').matchAll(/(?:manifestPath|path|parameters|ignoreFile): (\.?\/?[\w./-]+)/g)].map((match) => match[1]!);
    expect(paths).toEqual(expect.arrayContaining(['./appPackage/manifest.json', './infra/main.bicep', './infra/main.parameters.json', './aad.manifest.json', '.webappignore']));
    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  test('both app registrations and the Azure Bot are single-tenant', () => {
    expect(JSON.parse(read('aad.manifest.json')).signInAudience).toBe('AzureADMyOrg');
    expect([...read('teamsapp.yml').matchAll(/signInAudience: (\w+)/g)].map((match) => match[1])).toEqual(['AzureADMyOrg', 'AzureADMyOrg']);
    expect(read('infra/main.bicep')).toContain("msaAppType: 'SingleTenant'");
    expect(read('teamsapp.yml')).not.toMatch(/uses: botAadApp\/create/);
  });

  test('the Entra app asks for exactly the Graph application permissions the docs justify', () => {
    const access = JSON.parse(read('aad.manifest.json')).requiredResourceAccess as { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
    expect(access).toHaveLength(1);
    expect(access[0]!.resourceAccess.every((permission) => permission.type === 'Role')).toBe(true);
    const names = access[0]!.resourceAccess.map((permission) => permission.id);
    const guide = read('docs/put-it-in-your-tenant.md');
    for (const name of names) expect(guide).toContain(`| \`${name}\``);
    expect(names.sort()).toEqual(['Calendars.ReadWrite', 'Directory.Read.All', 'Mail.Send', 'OnlineMeetings.Read.All', 'TeamsActivity.Send', 'TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All', 'User.ReadBasic.All']);
  });
});
