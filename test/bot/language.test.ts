import { Temporal } from 'temporal-polyfill';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import type { Clock } from '../../src/services/ports/clock.port';
import type { Store } from '../../src/store/store';
import { type startChannelStandIn, teamsActivity } from '../support/bot-channel';
import { startBotEndpoint } from '../support/bot-endpoint';
import { type TestDatabase, demoDatabase } from '../support/databases';

const clock: Clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-03') };

/** Welsh through the real bot endpoint: the Teams locale, then each person's own choice. */
describe('Core Group in Welsh', () => {
  let database: TestDatabase;
  let store: Store;
  let channel: Awaited<ReturnType<typeof startChannelStandIn>>;
  let botUrl: string;
  let stop: () => Promise<void>;
  let coreGroupId: string;

  beforeAll(async () => {
    let calendars: Awaited<ReturnType<typeof demoDatabase>>['calendars'];
    ({ database, store, calendars, coreGroupId } = await demoDatabase(clock));
    ({ channel, botUrl, stop } = await startBotEndpoint({ store, clock, calendars, teamsAppId: 'a1b2c3d4-0000-4000-8000-000000000001' }));
  });
  afterAll(async () => {
    await stop();
    await database.drop();
  });

  /** What the bot answers a message with: its card's text, or its text. */
  const say = async (who: string, text: string, locale?: string) => {
    await fetch(botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await channel.token()}` },
      body: JSON.stringify({ ...teamsActivity({ serviceUrl: channel.serviceUrl, tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId(who), text }), ...(locale ? { locale } : {}) }),
    });
    const body = channel.sent.at(-1)!.body as { text?: string; attachments?: { content: unknown }[] };
    return body.text ?? JSON.stringify(body.attachments?.[0]?.content);
  };

  test('someone whose Teams speaks Welsh (cy-GB) is answered in Welsh; en-GB in English', async () => {
    expect(await say('health', '/coregroup help', 'cy-GB')).toContain('Teipiwch un o\'r rhain');
    expect(await say('health', '/coregroup help', 'cy-GB')).toContain('/coregroup status [achos]');
    expect(await say('health', '/coregroup help', 'en-GB')).toContain('Type one of these');
    expect(await say('health', '/coregroup language', 'cy-GB')).toBe('Mae Core Group yn siarad Cymraeg â chi. I\'w gael yn Saesneg, teipiwch /coregroup language english.');
  });

  test('/coregroup language cymraeg: their own choice, over their Teams locale, kept for them alone; english turns it back', async () => {
    expect(await say('iro', '/coregroup language cymraeg', 'en-GB')).toBe('Bydd Core Group yn siarad Cymraeg â chi o hyn ymlaen.');
    expect(await say('iro', '/coregroup help', 'en-GB')).toContain('y rhestr hon');
    expect(await store.languages.of(DEMO_TENANT_ID, demoObjectId('iro'))).toBe('cy');
    expect(await say('manager', '/coregroup help', 'en-GB')).toContain('this list');
    expect(await say('iro', '/coregroup language Saesneg')).toBe('Core Group will speak English to you from now on.');
    expect(await say('iro', '/coregroup help', 'cy-GB')).toContain('this list');
  });

  test('a language it does not speak is answered in the caller’s language with the two it does; nothing is stored', async () => {
    expect(await say('school', '/coregroup language français', 'cy-GB')).toBe('Mae Core Group yn siarad Cymraeg a Saesneg: teipiwch /coregroup language cymraeg neu /coregroup language english.');
    expect(await store.languages.of(DEMO_TENANT_ID, demoObjectId('school'))).toBeUndefined();
  });

  test('their actions and the check-in buttons in Welsh; pressing one is answered in Welsh; a case they cannot see is refused in Welsh', async () => {
    const tasks = await say('health', '/coregroup tasks', 'cy-GB');
    for (const welsh of ['Eich camau gweithredu', 'Ar y trywydd iawn', 'Mewn perygl', 'Nodyn (angenrheidiol os yw', 'dyddiad dyledus']) expect(tasks).toContain(welsh);
    expect(tasks).not.toMatch(/On track|Your actions/);
    const press = await fetch(botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await channel.token()}` },
      body: JSON.stringify({
        ...teamsActivity({ serviceUrl: channel.serviceUrl, tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('health'), text: '' }),
        locale: 'cy-GB',
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'check-in', data: { coreGroupId, actionId: 'action-visits', status: 'on-track', promptId: '5b1d0c8e-0000-4000-8000-0000000000c1', 'note-action-visits': 'Ymweliad ddydd Mawrth' } }, trigger: 'manual' },
      }),
    });
    expect(JSON.stringify(((await press.json()) as { value: unknown }).value)).toContain("✔ Wedi'i gofnodi: ar y trywydd iawn");
    expect(await say('school', '/coregroup tasks NO-SUCH-CASE', 'cy-GB')).toContain("Nid oes gan yr un o'ch grwpiau craidd y cyfeirnod achos hwnnw");
  });
});
