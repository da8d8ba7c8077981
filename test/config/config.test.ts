import { ConfigError, checkCp9Coordinator, loadConfig } from '../../src/config/config';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';

const TENANT = '11111111-2222-4333-8444-555555555555';
const APP = '99999999-8888-4777-8666-555555555555';
const production = {
  CORE_GROUP_MODE: 'production',
  HOST: '0.0.0.0',
  MICROSOFT_APP_ID: APP,
  MICROSOFT_APP_TENANT_ID: TENANT,
  MICROSOFT_APP_PASSWORD: 'from-key-vault',
  ALLOWED_TENANT_IDS: TENANT,
  DATABASE_URL: 'postgres://db.internal/coregroup',
  TEAMS_APP_ID: '22222222-3333-4444-8555-666666666666',
  PUBLIC_BASE_URL: 'https://coregroup.council.example',
};

describe('local mode (the embedded default)', () => {
  test('an empty environment gives SQLite on loopback with authentication off', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ mode: 'local', host: '127.0.0.1', port: 3978, authDisabled: true, database: { sqliteFile: '.data/coregroup.db' } });
  });

  test.each(['0.0.0.0', '192.168.1.20', 'example.org'])('refuses to listen on %s', (host) => {
    expect(() => loadConfig({ HOST: host })).toThrow(/^HOST: local mode .* must listen on loopback/);
  });

  test.each(['127.0.0.1', '::1', 'localhost'])('listens on %s', (host) => {
    expect(loadConfig({ HOST: host }).host).toBe(host);
  });

  test('the Agents Playground starts with local mode unless switched off, and never in production', () => {
    expect(loadConfig({}).playground).toEqual({ enabled: true, port: 56150 });
    expect(loadConfig({ PLAYGROUND: 'off' }).playground.enabled).toBe(false);
  });

  test('exports are marked OFFICIAL-SENSITIVE unless the area sets PROTECTIVE_MARKING; a marking a page could not print is refused by name', () => {
    expect(loadConfig({}).protectiveMarking).toBe('OFFICIAL-SENSITIVE');
    expect(loadConfig({ PROTECTIVE_MARKING: ' OFFICIAL-SENSITIVE PERSONAL ' }).protectiveMarking).toBe('OFFICIAL-SENSITIVE PERSONAL');
    expect(() => loadConfig({ PROTECTIVE_MARKING: '  ' })).toThrow(/^PROTECTIVE_MARKING: /);
    expect(() => loadConfig({ PROTECTIVE_MARKING: 'OFFICIAL\u0007' })).toThrow(/^PROTECTIVE_MARKING: /);
    expect(() => loadConfig({ PROTECTIVE_MARKING: 'O'.repeat(61) })).toThrow(/^PROTECTIVE_MARKING: /);
  });

  test('the config is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.database)).toBe(true);
  });
});

describe('production refuses to start insecurely', () => {
  test('a complete production environment loads with authentication on', () => {
    const config = loadConfig(production);
    expect(config).toMatchObject({ mode: 'production', authDisabled: false, allowedTenantIds: [TENANT], bot: { appId: APP }, playground: { enabled: false } });
  });

  test.each([
    ['MICROSOFT_APP_ID', { MICROSOFT_APP_ID: undefined }],
    ['MICROSOFT_APP_TENANT_ID', { MICROSOFT_APP_TENANT_ID: undefined }],
    ['MICROSOFT_APP_PASSWORD', { MICROSOFT_APP_PASSWORD: undefined }],
    ['ALLOWED_TENANT_IDS', { ALLOWED_TENANT_IDS: undefined }],
    ['ALLOWED_TENANT_IDS', { ALLOWED_TENANT_IDS: ' , ' }],
    ['AUTH_DISABLED', { AUTH_DISABLED: 'true' }],
    ['DATABASE_URL', { DATABASE_URL: undefined }],
    ['GRAPH_MODE', { GRAPH_MODE: 'simulator' }],
    ['TEAMS_APP_ID', { TEAMS_APP_ID: undefined }],
    ['PUBLIC_BASE_URL', { PUBLIC_BASE_URL: 'http://coregroup.council.example' }],
  ])('without a safe %s', (variable, change) => {
    expect(() => loadConfig({ ...production, ...change })).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, ...change })).toThrow(new RegExp(`^${variable}:`));
  });

  test('a certificate can stand in for the client secret', () => {
    expect(loadConfig({ ...production, MICROSOFT_APP_PASSWORD: undefined, MICROSOFT_APP_CERT_PATH: '/keys/bot.pem' }).bot.certificatePath).toBe('/keys/bot.pem');
  });
});

describe('bad values name the variable', () => {
  test.each([
    [{ PORT: 'eighty' }, /^PORT:/],
    [{ PORT: '70000' }, /^PORT:/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: must be a postgres/],
    [{ CORE_GROUP_MODE: 'staging' }, /^CORE_GROUP_MODE:/],
    [{ ALLOWED_TENANT_IDS: 'contoso.onmicrosoft.com' }, /^ALLOWED_TENANT_IDS: every entry must be a tenant id/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL:/],
  ])('%o', (environment, message) => {
    expect(() => loadConfig(environment)).toThrow(message);
  });
});

describe('the CP9 co-ordinator mailbox (seed 001)', () => {
  const catalogue = loadPolicyCatalogue();
  const cp9Profile = catalogue.get('plan-in-five-working-days-cp9-in-seven-days');

  test('local mode sends CP9 to the demo co-ordinator; production has none until it is set, and refuses one that is not an address', () => {
    expect(loadConfig({}).cp9CoordinatorMailbox).toBe('cp9.coordinator@demo.example');
    expect(loadConfig(production).cp9CoordinatorMailbox).toBeUndefined();
    expect(loadConfig({ ...production, CP9_COORDINATOR_MAILBOX: 'cp9@council.example' }).cp9CoordinatorMailbox).toBe('cp9@council.example');
    expect(() => loadConfig({ ...production, CP9_COORDINATOR_MAILBOX: 'the co-ordinator' })).toThrow(/^CP9_COORDINATOR_MAILBOX: /);
  });

  test('the service does not start without it while a core group follows a profile that sends CP9; it does where none does', () => {
    const config = loadConfig(production);
    expect(() => checkCp9Coordinator(config, [catalogue.get('england'), cp9Profile])).toThrow(new ConfigError(`CP9_COORDINATOR_MAILBOX: core groups on the profile "plan-in-five-working-days-cp9-in-seven-days" send CP9 to the Children Services co-ordinator; set the co-ordinator's mailbox address`));
    expect(() => checkCp9Coordinator(config, [catalogue.get('england'), catalogue.get('wales')])).not.toThrow();
    expect(() => checkCp9Coordinator(loadConfig({ ...production, CP9_COORDINATOR_MAILBOX: 'cp9@council.example' }), [cp9Profile])).not.toThrow();
  });
});
