import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { parseCivilDate } from '../../src/domain/civil-date';
import type { CoreGroup, CoreGroupMember } from '../../src/domain/core-group';
import { DEMO_PEOPLE, DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createConcernService } from '../../src/services/concern.service';
import { createConcernDecisions } from '../../src/services/concerns/concern-decisions.service';
import type { Clock } from '../../src/services/ports/clock.port';
import type { Store } from '../../src/store/store';
import type { startChannelStandIn } from '../support/bot-channel';
import { teamsActivity } from '../support/bot-channel';
import { startBotEndpoint } from '../support/bot-endpoint';
import { type TestDatabase, demoDatabase } from '../support/databases';

const clock: Clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-03') };
const TEAMS_APP_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
const lead = demoObjectId('lead');

type Element = { type?: string; text?: string; verb?: string; title?: string; data?: Record<string, unknown>; [key: string]: unknown };
type Channel = Awaited<ReturnType<typeof startChannelStandIn>>;

/** Every element of a card, depth first. */
const elementsOf = (value: unknown): Element[] =>
  Array.isArray(value) ? value.flatMap(elementsOf) : value && typeof value === 'object' ? [value as Element, ...Object.values(value).flatMap(elementsOf)] : [];
const textOf = (card: unknown) => elementsOf(card).map((element) => element.text ?? '').join(' ');
const buttonsOf = (card: unknown) => elementsOf(card).filter((element) => element.type === 'Action.Execute');

/**
 * Choosing the case, through the real bot endpoint: the demo lead social worker holds the demo
 * case and two more (CASE-0102, CASE-0103, added here), with a member of CASE-0102 alone, and a
 * case of another team (OTHER-0500) that the lead is not in.
 */
describe('case commands choose the case', () => {
  let database: TestDatabase;
  let store: Store;
  let channel: Channel;
  let botUrl: string;
  let stop: () => Promise<void>;
  const ids: Record<string, string> = {};
  const solo = demoObjectId('solo');

  /** A case with the demo people named by `keys` (and `extra` members), as `reference`. */
  const addCase = async (caseReference: string, icpcDate: string, keys: readonly string[], extra: readonly CoreGroupMember[] = []) => {
    const coreGroup: CoreGroup = { id: randomUUID(), caseReference, childName: 'Invented Child', tenantId: DEMO_TENANT_ID, policyId: 'ten-working-days-four-weekly', icpcDate: parseCivilDate(icpcDate), createdAt: clock.nowIso() };
    const members: CoreGroupMember[] = DEMO_PEOPLE.filter((person) => keys.includes(person.key)).map((person) => ({
      id: randomUUID(),
      displayName: person.name,
      role: person.role,
      agency: person.agency,
      email: person.email,
      aadObjectId: demoObjectId(person.key),
      reach: person.reach,
      active: true,
    }));
    await store.coreGroups.create(coreGroup, [...members, ...extra]);
    ids[caseReference] = coreGroup.id;
  };

  beforeAll(async () => {
    let calendars: Awaited<ReturnType<typeof demoDatabase>>['calendars'];
    ({ database, store, calendars } = await demoDatabase(clock));
    await addCase('CASE-0102', '2026-05-20', ['lead', 'manager', 'health'], [{ id: randomUUID(), displayName: 'Sol Only', role: 'professional', agency: 'housing', aadObjectId: solo, reach: 'tenant', active: true }]);
    await addCase('CASE-0103', '2026-06-01', ['lead', 'manager', 'health']);
    await addCase('OTHER-0500', '2026-06-01', ['manager', 'health']);
    ({ channel, botUrl, stop } = await startBotEndpoint({ store, clock, calendars, teamsAppId: TEAMS_APP_ID }));
  });
  afterAll(async () => {
    await stop();
    await database.drop();
  });
  beforeEach(() => channel.sent.splice(0));

  const post = async (activity: object) =>
    fetch(botUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await channel.token()}` }, body: JSON.stringify(activity) });
  const from = (aadObjectId: string, extra: Partial<Parameters<typeof teamsActivity>[0]> = {}) => teamsActivity({ serviceUrl: channel.serviceUrl, tenantId: DEMO_TENANT_ID, aadObjectId, ...extra });
  /** The card the bot answers a message with. */
  const say = async (aadObjectId: string, text: string) => {
    await post(from(aadObjectId, { text }));
    return (channel.sent.at(-1)?.body.attachments as { content: unknown }[] | undefined)?.[0]?.content;
  };
  /** The card a button press is answered with. */
  const press = async (aadObjectId: string, button: Element, conversationType: 'personal' | 'groupChat' = 'personal') => {
    const response = await post(from(aadObjectId, { type: 'invoke', name: 'adaptiveCard/action', conversationType, value: { action: { type: 'Action.Execute', verb: button.verb, data: button.data } } }));
    return ((await response.json()) as { value: unknown }).value;
  };

  test('a named case, in any letter case, answers about that case', async () => {
    expect(textOf(await say(lead, '/coregroup plan case-0103'))).toContain('Case CASE-0103');
    expect(textOf(await say(lead, '/coregroup status CASE-0102'))).toContain('Case CASE-0102');
    const status = textOf(await say(lead, '/coregroup status CASE-0102'));
    expect(status).not.toContain('CASE-0103');
    expect(status).not.toContain('DEMO-0001');
  });

  test('buttons on a named case’s cards carry that case', async () => {
    const slots = await say(lead, '/coregroup schedule Case-0103');
    expect(textOf(slots)).toContain('CASE-0103');
    expect(buttonsOf(slots).map((button) => button.data?.['coreGroupId'])).toEqual(expect.arrayContaining([ids['CASE-0103']]));
    expect(buttonsOf(slots).every((button) => button.data?.['coreGroupId'] === ids['CASE-0103'])).toBe(true);
    const form = await say(lead, '/coregroup escalate case-0102');
    expect(buttonsOf(form).map((button) => button.data?.['coreGroupId'])).toEqual([ids['CASE-0102']]);
  });

  test('a typo gets did-you-mean, with a button for the near case', async () => {
    const card = await say(lead, '/coregroup plan CASE-01O2');
    expect(textOf(card)).toContain('Did you mean');
    const [button] = buttonsOf(card);
    expect(button?.data).toEqual({ command: 'plan', coreGroupId: ids['CASE-0102'] });
    expect(textOf(await press(lead, button!))).toContain('Case CASE-0102');
  });

  test.each(['plan', 'schedule', 'minutes', 'escalate', 'status', 'tasks'])('%s: another team’s case and a case that does not exist get the same answer', async (verb) => {
    const theirs = await say(lead, `/coregroup ${verb} OTHER-0500`);
    const nobody = await say(lead, `/coregroup ${verb} NOPE-9999`);
    expect(theirs).toEqual(nobody);
    expect(JSON.stringify(theirs)).not.toContain('OTHER');
    expect(textOf(theirs)).toContain('None of your core groups has that case reference');
  });

  test('several cases and no reference: a picker, nearest deadline first, and its button gives that case’s card', async () => {
    const picker = await say(lead, '/coregroup plan');
    expect(textOf(picker)).toContain('Which case?');
    const buttons = buttonsOf(picker);
    expect(buttons.map((button) => button.data?.['coreGroupId'])).toEqual(expect.arrayContaining([ids['CASE-0102'], ids['CASE-0103']]));
    expect(buttons.every((button) => button.verb === 'choose-case' && button.data?.['command'] === 'plan')).toBe(true);
    expect(textOf(picker).indexOf('CASE-0102')).toBeLessThan(textOf(picker).indexOf('CASE-0103'));
    expect(textOf(picker)).toMatch(/Next: .* — 2026-\d\d-\d\d/);
    const chosen = buttons.find((button) => button.data?.['coreGroupId'] === ids['CASE-0103'])!;
    expect(textOf(await press(lead, chosen))).toContain('Case CASE-0103');
  });

  test('the picker’s button is checked against who presses it, and only in a 1:1 chat', async () => {
    const chosen = buttonsOf(await say(lead, '/coregroup schedule')).find((button) => button.data?.['coreGroupId'] === ids['CASE-0103'])!;
    expect(textOf(await press(solo, chosen))).toContain('None of your core groups has that case reference');
    expect(textOf(await press(lead, chosen, 'groupChat'))).toContain('works only in your 1:1 chat');
  });

  test('members: the lead adds someone in plain words (welcomed once, however often Add is pressed) and removes someone (kept, inactive); a health visitor may not', async () => {
    const card = await say(lead, '/coregroup members case-0103');
    expect(textOf(card)).toContain('Members — case CASE-0103');
    const add = buttonsOf(card).find((button) => button.verb === 'add-members')!;
    const pressAdd = () => press(lead, { ...add, data: { ...add.data, memberText: 'Housing | housing association | Hal Housing | hal@housing.example' } });
    expect(textOf(await pressAdd())).toContain('Added and welcomed: Hal Housing');
    expect(textOf(await pressAdd())).toContain('Already members: Hal Housing');
    const hal = (await store.coreGroups.members(ids['CASE-0103']!)).find((member) => member.email === 'hal@housing.example')!;
    expect(hal).toMatchObject({ position: 'housing', role: 'professional', active: true });
    const welcomes = (await store.jobs.claim({ workerId: 'test', now: '2026-06-04T00:00:00.000Z', leaseMs: 60_000, limit: 100 })).filter((job) => job.kind === 'member-welcome');
    expect(welcomes.map((job) => job.payload)).toEqual([{ tenantId: DEMO_TENANT_ID, coreGroupId: ids['CASE-0103'], memberId: hal.id }]);
    const remove = buttonsOf(await say(lead, '/coregroup members CASE-0103')).find((button) => button.verb === 'remove-member' && button.data?.['memberId'] === hal.id)!;
    expect(textOf(await press(lead, remove))).toContain('Hal Housing is no longer a member');
    expect(textOf(await press(lead, remove))).toContain('No longer members: Hal Housing');
    expect((await store.coreGroups.members(ids['CASE-0103']!)).find((member) => member.id === hal.id)).toMatchObject({ active: false });
    expect(textOf(await say(demoObjectId('health'), '/coregroup members CASE-0103'))).toContain('does not include changing who is in the core group');
    expect(textOf(await press(demoObjectId('health'), remove))).not.toContain('no longer a member');
  });

  test('one case and no reference: that case, no picker', async () => {
    expect(textOf(await say(solo, '/coregroup plan'))).toContain('Case CASE-0102');
  });

  test('status and tasks without a reference stay overviews of every case', async () => {
    const status = textOf(await say(lead, '/coregroup status'));
    for (const reference of ['DEMO-0001', 'CASE-0102', 'CASE-0103']) expect(status).toContain(`Case ${reference}`);
  });

  test('a family member is told what is true: their role does not include deadlines, not that they are in no core group', async () => {
    const parent = randomUUID();
    await addCase('FAM-0104', '2026-06-01', ['lead'], [{ id: randomUUID(), displayName: 'Pat Parent', role: 'family-member', agency: 'family', aadObjectId: parent, reach: 'guest', active: true }]);
    const status = textOf(await say(parent, '/coregroup status'));
    expect(status).not.toContain('not a member of any core group');
    expect(status).toContain('does not include');
    expect(textOf(await say(parent, '/coregroup escalate'))).toContain('Raise a concern — case FAM-0104');
  });

  test('help shows where the case goes', async () => {
    expect(JSON.stringify(await say(lead, '/coregroup help'))).toContain('/coregroup plan [case]');
  });

  test('an extra core group granted beside a booked series: schedule offers it below the series, and Book books it once as a single meeting', async () => {
    await addCase('XTRA-0105', '2026-06-01', ['lead', 'manager', 'health']);
    const coreGroupId = ids['XTRA-0105']!;
    /** Presses a Book button with its card's first slot chosen (or the given one), online. */
    const book = (card: unknown, slot?: string) => {
      const button = buttonsOf(card).find((candidate) => candidate.verb === 'book-slot' || candidate.verb === 'book-extra-meeting')!;
      const choices = elementsOf(card).find((element) => element.type === 'Input.ChoiceSet' && element['id'] === 'slot')!;
      return press(lead, { ...button, data: { ...button.data, slot: slot ?? choices['value'], mode: 'online' } });
    };
    expect(textOf(await book(await say(lead, '/coregroup schedule XTRA-0105')))).toContain('Core group booked — case XTRA-0105');
    expect(textOf(await say(lead, '/coregroup schedule XTRA-0105'))).not.toContain('Extra core group granted');

    const deps = { ...store, clock, calendars: loadWorkingDayCalendars(), policy: (id: string) => loadPolicyCatalogue().get(id) };
    const { concern } = await createConcernService(deps).raise({ caller: { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('health') }, coreGroupId, kind: 'extra-meeting-request', note: 'New worries', requestId: 'extra-1' });
    await createConcernDecisions(deps).decide({ caller: { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('manager') }, concernId: concern.id, decision: 'grant', requestId: 'extra-1-granted' });

    const offered = await say(lead, '/coregroup schedule XTRA-0105');
    expect(textOf(offered)).toContain('Core group booked — case XTRA-0105');
    expect(textOf(offered)).toContain('Extra core group granted on Wed 3 Jun 2026: choose a slot');
    expect(buttonsOf(offered).find((button) => button.verb === 'book-extra-meeting')?.data).toEqual({ coreGroupId, concernId: concern.id });
    const slots = (elementsOf(offered).find((element) => element.type === 'Input.ChoiceSet' && element['id'] === 'slot')!['choices'] as { value: string }[]).map((choice) => choice.value);

    expect(textOf(await book(offered))).toContain('Extra core group booked — case XTRA-0105');
    expect(textOf(await book(offered))).toContain('Extra core group booked — case XTRA-0105');
    expect(textOf(await book(offered, slots[1]))).toContain('The extra core group is already booked for');
    expect((await store.meetings.listByCoreGroup(coreGroupId)).filter((meeting) => meeting.grantedBy === concern.id)).toHaveLength(1);
    const after = textOf(await say(lead, '/coregroup schedule XTRA-0105'));
    expect(after).toContain('Core group booked — case XTRA-0105');
    expect(after).not.toContain('Extra core group granted');
  });
});
