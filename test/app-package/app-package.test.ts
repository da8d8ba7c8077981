import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { AppPackageInvalidError, buildAppPackage, fillAndCheck } from '../../scripts/app-package/app-package';
import { type CliIo, packageCommand, validateCommand } from '../../scripts/app-package/cli';
import { decodePng, drawColorIcon, encodePng } from '../../scripts/app-package/icons.drawing';
import { newestBundledManifestVersion } from '../../scripts/app-package/manifest.checks';
import { ACTIVITY_TYPES } from '../../src/domain/activity-feed';
import { UnfilledPlaceholderError } from '../../scripts/app-package/placeholders';
import { APP_PACKAGE_DIR, type ManifestDraft, TEST_ENV, scratchRepo } from './package-fixture';

const check = (repo: ReturnType<typeof scratchRepo>) => fillAndCheck({ appPackageDir: repo.appPackageDir, envDir: repo.envDir, envName: 'test' });

function recordingIo(root: string): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line), env: {}, root };
}

describe('the app manifest', () => {
  test('filled for an environment, passes the bundled schema and every extra check', async () => {
    const filled = await check(scratchRepo());
    expect(filled.problems).toEqual([]);
  });

  test('is one manifest on the newest numbered schema @microsoft/app-manifest bundles', () => {
    const manifest = JSON.parse(readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as ManifestDraft;
    const newest = newestBundledManifestVersion();
    expect(manifest.manifestVersion).toBe(newest);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
  });

  test('asks for the resource-specific permissions the meeting events, the Outlook add-in and sharing to the stage need, and no other', () => {
    const manifest = JSON.parse(readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as ManifestDraft;
    // The add-in reads only the item open in Outlook (its body and attachments), never the mailbox.
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
      { name: 'MailboxItem.Read.User', type: 'Delegated' },
      // Sharing the plan to the meeting stage (meeting.shareAppContentToStage), as the signed-in chair.
      { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
    ]);
    expect(manifest.webApplicationInfo).toEqual({ id: '${{AAD_APP_CLIENT_ID}}', resource: 'api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}' });
  });

  test('puts the dashboard in the personal app and the minutes in the meeting side panel, stage, details tab and chat', () => {
    const manifest = JSON.parse(readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as ManifestDraft;
    const tab = (entityId: string) => manifest.staticTabs.find((candidate: ManifestDraft) => candidate.entityId === entityId);
    expect(tab('dashboard')).toMatchObject({ contentUrl: '${{TAB_ENDPOINT}}/tab/dashboard', scopes: ['personal'] });
    // The bot's deep link to the minutes (bot/cards/agenda.card.ts) opens the tab with entityId "minutes".
    expect(tab('minutes')).toMatchObject({ contentUrl: '${{TAB_ENDPOINT}}/tab/minutes', scopes: ['groupChat'], context: ['meetingSidePanel', 'meetingStage', 'meetingDetailsTab', 'meetingChatTab'] });
  });

  test('adds an Outlook add-in: one task pane (the tab’s Outlook page) opened from a message and from a meeting, with ribbon icons the tab serves at their sizes', () => {
    const manifest = JSON.parse(readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as ManifestDraft;
    const [extension] = manifest.extensions;
    expect(extension.requirements).toEqual({ scopes: ['mail'], capabilities: [{ name: 'Mailbox', minVersion: '1.8' }] });
    expect(extension.runtimes).toEqual([expect.objectContaining({ code: { page: '${{TAB_ENDPOINT}}/tab/outlook?host=outlook' }, actions: [{ id: 'openCoreGroupPane', type: 'openPage', pinnable: true }] })]);
    expect(extension.ribbons.map((ribbon: ManifestDraft) => ribbon.contexts)).toEqual([['mailRead'], ['meetingDetailsAttendee', 'meetingDetailsOrganizer']]);
    const buttons = extension.ribbons.flatMap((ribbon: ManifestDraft) => ribbon.tabs[0].groups[0].controls);
    expect(buttons.map((button: ManifestDraft) => [button.label, button.actionId])).toEqual([['File to core group', 'openCoreGroupPane'], ['Core group deadlines', 'openCoreGroupPane']]);
    for (const { size, url } of buttons[0].icons as { size: number; url: string }[]) {
      expect(url).toBe(`\${{TAB_ENDPOINT}}/tab/icons/ribbon-${size}.png`);
      const icon = decodePng(readFileSync(join(APP_PACKAGE_DIR, '..', 'tab', 'public', 'icons', `ribbon-${size}.png`)));
      expect([icon.width, icon.height]).toEqual([size, size]);
    }
  });

  test('advertises the verbs the bot understands, in a form its parser accepts in each scope', () => {
    const manifest = JSON.parse(readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as ManifestDraft;
    const titles = (scope: string) => manifest.bots[0].commandLists.find((list: ManifestDraft) => list.scopes.includes(scope)).commands.map((command: ManifestDraft) => command.title);
    expect(titles('personal')).toEqual(['help', 'status', 'tasks', 'plan', 'schedule', 'minutes', 'escalate', 'new']);
    // Outside a 1:1 chat the bot only reads "coregroup <verb>" after the @mention Teams inserts.
    expect(titles('groupChat')).toEqual(expect.arrayContaining(['coregroup note', 'coregroup decision', 'coregroup action', 'coregroup help']));
    for (const scope of ['groupChat', 'team']) for (const title of titles(scope)) expect(title).toMatch(/^coregroup [a-z]+$/);
  });

  const breakages: [string, (manifest: ManifestDraft) => void, { where: string; message: RegExp }][] = [
    ['the bot has no botId', (m) => delete m.bots[0].botId, { where: 'schema: bots.0', message: /required property 'botId'/ }],
    ['the bot has an unknown scope', (m) => m.bots[0].scopes.push('meetings'), { where: 'schema: bots.0.scopes.3', message: /allowed values \(team, personal, groupChat, copilot\)/ }],
    ['a tab loads from a host outside validDomains', (m) => (m.staticTabs[0].contentUrl = 'https://elsewhere.example.org/tab/dashboard'), { where: 'staticTabs.0.contentUrl', message: /host "elsewhere\.example\.org" is not in validDomains/ }],
    ['a tab loads over http', (m) => (m.staticTabs[2].contentUrl = 'http://app-coregroup-test.azurewebsites.net/tab/minutes'), { where: 'staticTabs.2.contentUrl', message: /must use https/ }],
    ['validDomains holds a URL, not a host', (m) => (m.validDomains = ['https://app-coregroup-test.azurewebsites.net']), { where: 'validDomains.0', message: /host name only/ }],
    ['the SSO resource is on another host', (m) => (m.webApplicationInfo.resource = `api://other.example.org/${TEST_ENV.AAD_APP_CLIENT_ID}`), { where: 'webApplicationInfo.resource', message: /should be TAB_DOMAIN "app-coregroup-test\.azurewebsites\.net"/ }],
    ['the SSO resource names another app', (m) => (m.webApplicationInfo.resource = `api://${TEST_ENV.TAB_DOMAIN}/${TEST_ENV.BOT_ID}`), { where: 'webApplicationInfo.resource', message: /but webApplicationInfo\.id is/ }],
    ['a scope lists eleven commands', (m) => m.bots[0].commandLists[1].commands.push({ title: 'coregroup new', description: 'eleventh' }), { where: 'bots.0.commandLists', message: /11 commands for scope "groupChat"; Teams shows at most 10/ }],
    ['a command list is for a scope the bot lacks', (m) => (m.bots[0].scopes = ['personal', 'groupChat']), { where: 'bots.0.commandLists.2.scopes', message: /"team" is not one of the bot's scopes/ }],
    ['the short description is over 80 characters', (m) => (m.description.short = 'x'.repeat(81)), { where: 'schema: description.short', message: /must NOT have more than 80 characters/ }],
    ['the Outlook add-in’s page loads over http', (m) => (m.extensions[0].runtimes[0].code.page = 'http://app-coregroup-test.azurewebsites.net/tab/outlook'), { where: 'extensions.0.runtimes.0.code.page', message: /must use https/ }],
    ['a ribbon icon is on a host outside validDomains', (m) => (m.extensions[0].ribbons[0].tabs[0].groups[0].icons[0].url = 'https://cdn.elsewhere.example/icon-16.png'), { where: 'extensions.0.ribbons.0.tabs.0.groups.0.icons.0.url', message: /host "cdn\.elsewhere\.example" is not in validDomains/ }],
    ['a ribbon button has no icons', (m) => delete m.extensions[0].ribbons[0].tabs[0].groups[0].controls[0].icons, { where: expect.stringMatching(/^schema: extensions\.0\.ribbons\.0\.tabs\.0\.groups\.0\.controls\.0/) as unknown as string, message: /required property 'icons'/ }],
    ['a placeholder is misspelt and survives', (m) => (m.staticTabs[0].contentUrl = '${ {TAB_ENDPOINT}}/tab/dashboard'), { where: 'staticTabs.0.contentUrl', message: /is not a URL/ }],
  ];

  test.each(breakages)('fails clearly when %s', async (_name, breakIt, expected) => {
    const repo = scratchRepo();
    repo.editManifest(breakIt);
    const { problems } = await check(repo);
    expect(problems).toContainEqual({ where: expected.where, message: expect.stringMatching(expected.message) });
  });

  test('is in English and Welsh: a language file for cy, every key naming a string of the manifest, on the bundled localization schema', async () => {
    const manifest = JSON.parse(readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as ManifestDraft;
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'en-gb', additionalLanguages: [{ languageTag: 'cy', file: 'cy.json' }] });
    const repo = scratchRepo();
    writeFileSync(join(repo.appPackageDir, 'cy.json'), JSON.stringify({ 'name.full': 'Core Group', 'staticTabs[9].name': 'Dim', 'activities.activityTypes[0].templateText': '{actor}: {childName}', 'description.short': 'x'.repeat(81) }));
    expect((await check(repo)).problems).toEqual([
      { where: 'schema: cy.json', message: "must have required property 'name.short'" },
      { where: 'schema: cy.json', message: "must have required property 'description.full'" },
      { where: 'schema: cy.json', message: '/description.short must NOT have more than 80 characters' },
      { where: 'cy.json', message: '"staticTabs[9].name" names nothing in the manifest' },
      { where: 'cy.json: activities.activityTypes[0].templateText', message: 'asks for other parameters than the manifest’s own' },
    ]);
  });

  test('declares the activity-feed types the app sends, each naming the case by reference only', () => {
    const manifest = JSON.parse(readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as ManifestDraft;
    const declared = manifest.activities.activityTypes as { type: string; templateText: string }[];
    expect(declared.map((activity) => activity.type)).toEqual([...ACTIVITY_TYPES]);
    for (const activity of declared) expect([...activity.templateText.matchAll(/\{(\w+)\}/g)].map((match) => match[1])).toEqual(['actor', 'caseReference']);
  });

  test('fails clearly when an activity type the app sends is not declared, or a template asks for what the app does not send', async () => {
    const repo = scratchRepo();
    repo.editManifest((manifest) => {
      delete manifest.localizationInfo;
      manifest.activities.activityTypes = manifest.activities.activityTypes.slice(1);
      manifest.activities.activityTypes[0].templateText = '{actor}: {childName} needs you';
    });
    const { problems } = await check(repo);
    expect(problems).toEqual([
      { where: 'activities.activityTypes', message: 'does not declare checkInDue, which the app sends' },
      { where: 'activities.activityTypes.0.templateText', message: 'asks for childName, which the app does not send' },
    ]);
  });

  test('fails clearly when the colour icon is the wrong size', async () => {
    const repo = scratchRepo();
    const icon = drawColorIcon();
    const cropped = { width: 96, height: 96, data: new Uint8Array(96 * 96 * 4) };
    for (let y = 0; y < 96; y += 1) cropped.data.set(icon.data.subarray(y * 192 * 4, y * 192 * 4 + 96 * 4), y * 96 * 4);
    writeFileSync(join(repo.appPackageDir, 'color.png'), encodePng(cropped));
    const { problems } = await check(repo);
    expect(problems).toContainEqual({ where: 'icons.color', message: '"color.png" is 96×96; it must be 192×192' });
  });

  test('fails clearly when the outline icon has colour or no transparent background', async () => {
    const repo = scratchRepo();
    writeFileSync(join(repo.appPackageDir, 'outline.png'), encodePng({ width: 32, height: 32, data: new Uint8Array(32 * 32 * 4).fill(200) }));
    const { problems } = await check(repo);
    expect(problems).toEqual(
      expect.arrayContaining([
        { where: 'icons.outline', message: expect.stringMatching(/1024 pixels that are not white/) },
        { where: 'icons.outline', message: expect.stringMatching(/background must be transparent/) },
      ]),
    );
  });

  test('fails clearly when an icon file is missing or not a PNG', async () => {
    const repo = scratchRepo();
    repo.editManifest((m) => (m.icons.outline = 'outline-missing.png'));
    writeFileSync(join(repo.appPackageDir, 'color.png'), 'not a png');
    const { problems } = await check(repo);
    expect(problems).toEqual(
      expect.arrayContaining([
        { where: 'icons.outline', message: '"outline-missing.png" is not in the app package folder' },
        { where: 'icons.color', message: expect.stringMatching(/"color\.png" is not a readable PNG/) },
      ]),
    );
  });

  test('names every placeholder the environment leaves unfilled', async () => {
    const { BOT_ID: _bot, TAB_DOMAIN: _domain, ...rest } = TEST_ENV;
    const repo = scratchRepo({ ...rest, TAB_DOMAIN: '' });
    const failure = await check(repo).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnfilledPlaceholderError);
    expect((failure as UnfilledPlaceholderError).names).toEqual(['BOT_ID', 'TAB_DOMAIN']);
    expect((failure as Error).message).toContain('env/.env.test');
  });
});

describe('npm run package', () => {
  test('writes a zip holding exactly manifest.json, color.png, outline.png and the Welsh language file, placeholders filled', async () => {
    const repo = scratchRepo();
    const built = await buildAppPackage({ appPackageDir: repo.appPackageDir, envDir: repo.envDir, envName: 'test', outDir: join(repo.root, 'build') });
    expect(built.zipPath).toBe(join(repo.root, 'build', 'appPackage.test.zip'));
    const entries = unzipSync(readFileSync(built.zipPath));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'cy.json', 'manifest.json', 'outline.png']);
    const welsh = JSON.parse(new TextDecoder().decode(entries['cy.json'])) as Record<string, string>;
    expect(welsh['name.short']).toBe(TEST_ENV.APP_NAME);
    expect(welsh['staticTabs[0].name']).toBe('Dangosfwrdd');
    const manifestText = new TextDecoder().decode(entries['manifest.json']);
    expect(manifestText).not.toContain('${{');
    const manifest = JSON.parse(manifestText) as ManifestDraft;
    expect(manifest.id).toBe(TEST_ENV.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(TEST_ENV.BOT_ID);
    expect(manifest.developer.name).toBe('Anyshire Children’s Services');
    expect(manifest.webApplicationInfo.resource).toBe(`api://${TEST_ENV.TAB_DOMAIN}/${TEST_ENV.AAD_APP_CLIENT_ID}`);
    expect(manifest.staticTabs[0].contentUrl).toBe('https://app-coregroup-test.azurewebsites.net/tab/dashboard');
    expect(Buffer.from(entries['color.png']!).equals(readFileSync(join(APP_PACKAGE_DIR, 'color.png')))).toBe(true);
    expect(Buffer.from(entries['outline.png']!).equals(readFileSync(join(APP_PACKAGE_DIR, 'outline.png')))).toBe(true);
  });

  test('gives the same bytes for the same inputs', async () => {
    const repo = scratchRepo();
    const first = readFileSync((await buildAppPackage({ appPackageDir: repo.appPackageDir, envDir: repo.envDir, envName: 'test', outDir: join(repo.root, 'one') })).zipPath);
    const second = readFileSync((await buildAppPackage({ appPackageDir: repo.appPackageDir, envDir: repo.envDir, envName: 'test', outDir: join(repo.root, 'two') })).zipPath);
    expect(first.equals(second)).toBe(true);
  });

  test('writes nothing when a check fails', async () => {
    const repo = scratchRepo();
    repo.editManifest((m) => delete m.bots[0].botId);
    const outDir = join(repo.root, 'build');
    await expect(buildAppPackage({ appPackageDir: repo.appPackageDir, envDir: repo.envDir, envName: 'test', outDir })).rejects.toBeInstanceOf(AppPackageInvalidError);
    expect(existsSync(join(outDir, 'appPackage.test.zip'))).toBe(false);
  });

  test('from the command line: --env picks the environment, problems are printed and exit 1', async () => {
    const repo = scratchRepo();
    const io = recordingIo(repo.root);
    expect(await packageCommand(['--env', 'test'], io)).toBe(0);
    expect(io.lines).toEqual(['app package for "test": appPackage/build/appPackage.test.zip (filled manifest: appPackage/build/manifest.test.json)']);
    expect(existsSync(join(repo.root, 'appPackage', 'build', 'appPackage.test.zip'))).toBe(true);

    repo.editManifest((m) => (m.validDomains = ['example.org']));
    const failing = recordingIo(repo.root);
    expect(await packageCommand(['--env=test'], failing)).toBe(1);
    expect(failing.errors.join('\n')).toMatch(/staticTabs\.0\.contentUrl: host "app-coregroup-test\.azurewebsites\.net" is not in validDomains/);
  });
});

describe('npm run validate', () => {
  test('says the package is valid and writes nothing', async () => {
    const repo = scratchRepo();
    const io = recordingIo(repo.root);
    expect(await validateCommand(['--env', 'test'], io)).toBe(0);
    expect(io.lines[0]).toMatch(/^appPackage\/manifest\.json with env\/\.env\.test: valid \(schema 1\.\d+,/);
    expect(existsSync(join(repo.root, 'appPackage', 'build'))).toBe(false);
  });

  test('exits 1 listing each problem', async () => {
    const repo = scratchRepo();
    repo.editManifest((m) => {
      delete m.bots[0].botId;
      m.bots[0].scopes.push('meetings');
    });
    const io = recordingIo(repo.root);
    expect(await validateCommand(['--env', 'test'], io)).toBe(1);
    expect(io.errors[0]).toMatch(/^the app package has 2 problems:\n {2}schema: bots\.0: must have required property 'botId'\n {2}schema: bots\.0\.scopes\.3: must be equal to one of the allowed values/);
  });

  test('exits 1 naming an environment file that does not exist, and 2 for a wrong argument', async () => {
    const repo = scratchRepo();
    const missing = recordingIo(repo.root);
    expect(await validateCommand(['--env', 'prod'], missing)).toBe(1);
    expect(missing.errors[0]).toMatch(/env\/\.env\.prod does not exist/);
    const wrong = recordingIo(repo.root);
    expect(await validateCommand(['--environment', 'prod'], wrong)).toBe(2);
    expect(wrong.errors[0]).toMatch(/unknown argument "--environment"/);
  });
});
