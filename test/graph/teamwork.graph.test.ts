import { Temporal } from 'temporal-polyfill';
import { demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { demoOrganisation } from '../../src/local/demo/demo-organisation.seed';
import type { GraphSimulator } from '../../src/local/graph-simulator/graph-simulator.server';
import { DeliveryError } from '../../src/services/ports/notifier.port';
import type { ActivityNotification, Teamwork } from '../../src/services/ports/teamwork.port';
import { simulatedGraph } from '../support/graph';

const APP = 'c0de0000-0000-4000-8000-00000000c0de';
const item = (userId: string, overrides: Partial<ActivityNotification> = {}): ActivityNotification => ({
  userId,
  activityType: 'checkInDue',
  previewText: 'Core Group: how are your actions going? (case DEMO-0001)',
  topic: { text: 'Case DEMO-0001', webUrl: `https://teams.microsoft.com/l/entity/${APP}/conversations` },
  templateParameters: { caseReference: 'DEMO-0001' },
  ...overrides,
});

describe('Teams beyond the chats, through Graph (the real client against the simulator)', () => {
  let simulator: GraphSimulator;
  let teamwork: Teamwork;
  beforeAll(async () => {
    ({ simulator, calendar: teamwork } = await simulatedGraph(demoOrganisation(Temporal.PlainDate.from('2026-06-01')), { maxRetries: 0, delaySeconds: 0.05, maxRetryAfterSeconds: 1 }));
  });
  afterAll(() => simulator.stop());

  test('the app is installed for a person once: installing again is no error; where the organisation blocks it, "not allowed"', async () => {
    expect(await teamwork.installAppForUser(demoObjectId('health'), APP)).toBe('installed');
    expect(await teamwork.installAppForUser(demoObjectId('health'), APP)).toBe('already-installed');
    expect(simulator.state.userApps.get(demoObjectId('health'))).toEqual([{ id: expect.any(String), teamsAppId: APP }]);
    simulator.state.appBlockedFor.add(demoObjectId('iro'));
    expect(await teamwork.installAppForUser(demoObjectId('iro'), APP)).toBe('not-allowed');
    expect(simulator.state.userApps.get(demoObjectId('iro'))).toBeUndefined();
    expect(await teamwork.installAppForUser('00000000-0000-4000-8000-0000000000ff', APP)).toBe('not-allowed');
  });

  test('an activity goes to the person’s feed as Graph takes it: its declared type, preview, text topic with a Teams deep link, and template parameters', async () => {
    await teamwork.installAppForUser(demoObjectId('lead'), APP);
    await teamwork.sendActivity(item(demoObjectId('lead')));
    expect(simulator.state.activityFeed.at(-1)).toEqual({
      userId: demoObjectId('lead'),
      activityType: 'checkInDue',
      previewText: 'Core Group: how are your actions going? (case DEMO-0001)',
      topic: { source: 'text', value: 'Case DEMO-0001', webUrl: `https://teams.microsoft.com/l/entity/${APP}/conversations` },
      templateParameters: [{ name: 'caseReference', value: 'DEMO-0001' }],
    });
  });

  test('someone the app is not installed for cannot be reached there (recipient-unreachable); a type the manifest does not declare is refused', async () => {
    const before = simulator.state.activityFeed.length;
    const unreachable = await teamwork.sendActivity(item(demoObjectId('manager'))).catch((error: unknown) => error);
    expect(unreachable).toBeInstanceOf(DeliveryError);
    expect(unreachable).toMatchObject({ code: 'recipient-unreachable', status: 403 });
    const undeclared = await teamwork.sendActivity(item(demoObjectId('lead'), { activityType: 'somethingElse' as never })).catch((error: unknown) => error);
    expect(undeclared).toMatchObject({ code: 'delivery-failed', status: 400 });
    expect(simulator.state.activityFeed).toHaveLength(before);
  });
});
