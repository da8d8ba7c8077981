import { Temporal } from 'temporal-polyfill';
import { rescheduleSlotsCard } from '../../bot/cards/booked-series.card';
import { extraMeetingCard } from '../../bot/cards/extra-meeting.card';
import { escapeCardText } from '../../bot/cards/escape';
import { bookedCard, slotsCard } from '../../bot/cards/schedule.card';
import { wordsIn } from '../../src/i18n/words';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import type { Clock } from '../../src/services/ports/clock.port';
import type { ExtraMeetingOffer, SlotOffer } from '../../src/services/scheduling.service';
import { type CardAction, firstSlot, problems, titled } from '../support/adaptive-cards';
import { BOT_APP_ID } from '../support/bot-channel';
import { botEndpointForTests } from '../support/bot-endpoint';

const clock: Clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-03') };
const lead = 'lead';

/** Booking a meeting, changing it, the meeting chat's replies and setting a group up, in Welsh through the real bot endpoint. */
describe('booking and setting up in Welsh', () => {
  const endpoint = botEndpointForTests(clock);

  /** What the bot answers a message from a demo person (by key) with, in a 1:1 chat: its card, or its text. */
  const say = (who: string, text: string, locale = 'cy-GB') => endpoint.answer(who, text, { locale });
  /** A card button pressed in Welsh (Universal Actions): the card the bot answers with. */
  const press = (who: string, action: CardAction, inputs: Record<string, string> = {}) => endpoint.pressCard(who, action, { inputs, locale: 'cy-GB' });

  /** A message in the booked meeting's chat, written in Welsh: what the bot answers there. */
  const inMeetingChat = async (who: string, text: string, id: string) => {
    const store = endpoint.store();
    const [booked] = (await store.meetings.listByCoreGroup((await store.coreGroups.listForMember(DEMO_TENANT_ID, demoObjectId(lead))).find((group) => group.caseReference === 'DEMO-0001')!.id)).filter((meeting) => meeting.booking?.chatId);
    await endpoint.post({
      ...endpoint.activityFrom(who, { text, locale: 'cy-GB' }),
      id,
      conversation: { id: booked!.booking!.chatId!, conversationType: 'groupChat', tenantId: DEMO_TENANT_ID },
      entities: [{ type: 'mention', mentioned: { id: `28:${BOT_APP_ID}`, name: 'Core Group' }, text: '<at>Core Group</at>' }],
    });
    const body = endpoint.endpoint().channel.sent.at(-1)!.body as { text?: string; attachments?: { content: unknown }[] };
    return body.text ?? JSON.stringify(body.attachments?.[0]?.content);
  };

  test('/coregroup schedule offers the slots in Welsh: the deadline and its rule, the slots’ dates, where to meet, the button; in English as before', async () => {
    const { text } = await say(lead, '/coregroup schedule');
    for (const welsh of ["Trefnu'r grŵp craidd nesaf — achos DEMO-0001", "Y grŵp craidd cyntaf o fewn 10 diwrnod gwaith i'r gynhadledd amddiffyn plant gychwynnol: yn ddyledus erbyn", 'Dewiswch amser', '"Ble"', 'Ar Teams', 'Wyneb yn wyneb, gyda Teams', 'Lleoliad, ar gyfer cyfarfod wyneb yn wyneb', "Trefnu'r cyfarfod Teams hwn"]) expect(text).toContain(welsh);
    expect(text).toMatch(/yn ddyledus erbyn Mer\W+10 Meh 2026\./);
    expect(text).toMatch(/"title":"(Llun|Maw|Mer|Iau|Gwen)\W+\d+ Meh 2026, \d\d:\d\d–\d\d:\d\d/);
    expect(text).not.toMatch(/Schedule the next|Choose a slot|On Teams|Book this Teams meeting|due by|Jun 2026/);
    const english = (await say(lead, '/coregroup schedule', 'en-GB')).text;
    for (const words of ['Schedule the next core group — case DEMO-0001', 'First core group within 10 working days of the ICPC: due by Wed 10 Jun 2026.', 'Choose a slot', 'In person, with Teams for those who cannot come (hybrid)', 'Book this Teams meeting']) expect(english).toContain(words);
  });

  test('Book is answered in Welsh: when, where (the venue as typed), the invitations, the meeting chat, the join button', async () => {
    const { card } = await say(lead, '/coregroup schedule');
    const booked = await press(lead, titled(card!, "Trefnu'r cyfarfod Teams hwn"), { slot: firstSlot(card!), mode: 'hybrid', venue: 'Canolfan y Teulu' });
    for (const welsh of ["Grŵp craidd wedi'i drefnu — achos DEMO-0001", 'Canolfan y Teulu ac ar Teams', "Mae'r gwahoddiadau wedi mynd i bob aelod, ac mae'n ailadrodd tan y gynhadledd adolygu nesaf.", 'Agor y cyfarfod Teams']) expect(booked.text).toContain(welsh);
    expect(booked.text).toMatch(/✔ (Llun|Maw|Mer|Iau|Gwen)\W+\d+ Meh 2026, \d\d:\d\d–\d\d:\d\d, Canolfan/);
    expect(booked.text).not.toMatch(/Core group booked|Invitations have gone|Open the Teams meeting|Jun 2026/);
    expect((await press(lead, { type: 'Action.Execute', title: '', verb: 'book-slot', data: {} })).text).toContain("Dewiswch amser, yna pwyswch Trefnu.");
  });

  test('in the meeting chat, a note, a decision and an action are acknowledged in the writer’s Welsh; in a 1:1 chat it says where to use them', async () => {
    const health = 'health';
    expect(await inMeetingChat(health, '<at>Core Group</at> /coregroup note Mae’r gwres wedi’i drwsio', 'cy-note-1')).toContain("Wedi'i ychwanegu at y cofnodion drafft fel nodyn, i'r cadeirydd ei adolygu.");
    expect(await inMeetingChat(health, '<at>Core Group</at> /coregroup note Mae’r gwres wedi’i drwsio', 'cy-note-1')).toContain('Mae yn y cofnodion drafft eisoes.');
    expect(await inMeetingChat(health, '<at>Core Group</at> /coregroup decision Ymweliadau bob wythnos', 'cy-decision-1')).toContain('fel penderfyniad');
    expect(await inMeetingChat(health, '<at>Core Group</at> /coregroup action Ffonio’r ysgol by 2026-06-19', 'cy-action-1')).toContain('fel cam gweithredu');
    expect(await inMeetingChat(health, '<at>Core Group</at> /coregroup decision', 'cy-decision-2')).toBe('Ysgrifennwch y penderfyniad ar ôl y gorchymyn, e.e. /coregroup decision …');
    expect((await say(health, '/coregroup note Nodyn')).text).toBe("Defnyddiwch hwn yn sgwrs cyfarfod grŵp craidd: mae'n mynd i gofnodion drafft y cyfarfod hwnnw.");
    expect(await inMeetingChat(health, '<at>Core Group</at> /coregroup action', 'cy-action-2')).toBe('Ysgrifennwch y cam gweithredu ar ôl y gorchymyn, e.e. /coregroup action …');
  });

  test('the booked series in Welsh: its buttons, moving the next meeting, cancelling it, each answered in Welsh', async () => {
    const series = (await say(lead, '/coregroup schedule')).card!;
    const text = JSON.stringify(series);
    for (const welsh of ["Grŵp craidd wedi'i drefnu — achos DEMO-0001", 'Y cyfarfod nesaf: **', "Gellir trefnu cyfres newydd unwaith y bydd hon wedi dod i ben.", "Aildrefnu'r un hwn", 'Canslo (gyda rheswm)', "Pam mae'n cael ei ganslo?", 'Dim ond y cyfarfod ar ', 'Y gyfres gyfan']) expect(text).toContain(welsh);
    expect(text).not.toMatch(/Reschedule|Cancel|Only the meeting of|A new series/);

    const cancel = titled(series, "Canslo gyda'r rheswm hwn");
    expect((await press(lead, cancel, { reason: ' ', scope: 'one' })).text).toContain("Dywedwch pam mae'r cyfarfod yn cael ei ganslo, yna pwyswch Canslo.");
    expect((await press(lead, cancel, { reason: 'Gwrthdaro â gŵyl banc', scope: 'one' })).text).toContain("✔ Wedi canslo'r cyfarfod hwnnw; mae'r gyfres yn parhau. Mae Outlook wedi anfon y canslo at bawb a wahoddwyd.");
    expect((await press(lead, cancel, { reason: 'Gwrthdaro â gŵyl banc', scope: 'one' })).text).toContain("Wedi'i ganslo eisoes: ni newidiwyd dim mwy.");

    const offer = await press(lead, titled((await say(lead, '/coregroup schedule')).card!, "Aildrefnu'r un hwn"));
    for (const welsh of ['Aildrefnu — achos DEMO-0001', 'Symud y cyfarfod ar ', 'yn ddyledus erbyn', 'Ei symud i', 'Symud y cyfarfod hwn']) expect(offer.text).toContain(welsh);
    expect(offer.text).not.toMatch(/Moving the meeting|Move it to|due by/);
    const move = titled(offer.card, 'Symud y cyfarfod hwn');
    const slot = firstSlot(offer.card);
    expect((await press(lead, move, { slot })).text).toContain('✔ Wedi symud y cyfarfod i ');
    expect((await press(lead, move, { slot })).text).toContain("Wedi'i symud eisoes: ni newidiwyd dim mwy.");
    expect((await press(lead, titled(offer.card, 'Symud y cyfarfod hwn'), { slot: 'nid-amser' })).text).toContain('Dewiswch amser, yna pwyswch Symud.');
  });

  test('/coregroup new in Welsh: who to ask; the form; an answer it cannot read and a refusal on the form; the group set up', async () => {
    expect((await say('health', '/coregroup new')).text).toContain('Gofynnwch i weinyddwr Core Group (y bobl sy\'n neilltuo rolau ap yn Entra)');
    const manager = 'manager';
    const { card, text } = await say(manager, '/coregroup new');
    for (const welsh of ['Sefydlu grŵp craidd ar ôl y gynhadledd amddiffyn plant gychwynnol', "Cyfeirnod yr achos (a ddefnyddir yn Teams yn lle enw'r plentyn)", 'Gweithiwr cymdeithasol arweiniol', 'Rolau: gweithiwr cymdeithasol arweiniol · rheolwr tîm', "Creu'r grŵp craidd"]) expect(text).toContain(welsh);
    expect(text).not.toMatch(/Set up a core group|Case reference|Create the core group/);
    const create = card!.actions![0]!;
    const answers = { caseReference: 'CP-2026-0099', childName: 'Plentyn Dychmygol', icpcDate: '2026-06-01', policyId: 'wales', creatorRole: 'team-manager', membersText: 'GP | meddygfa | Dr Ann Other | ann.other@gp.example', outcomesText: 'Diogel gartref' };
    expect((await press(manager, create, { ...answers, outcomesText: 'x'.repeat(4001) })).text).toContain("⚠ Mae'r canlyniadau ar goll, yn rhy hir neu heb fod yn destun plaen.");
    const refused = await press(manager, create, { ...answers, membersText: 'nurse | NHS | X | x@y.example' });
    expect(refused.text).toContain('Sefydlu grŵp craidd');
    expect(refused.text).toContain('"text":"⚠ ');
    expect(refused.text).not.toContain('the role must be one of');
    const created = await press(manager, create, answers);
    expect(created.text).toContain("Grŵp craidd wedi'i sefydlu — achos CP-2026-0099");
    expect(created.text).toMatch(/✔ \d+ aelod\. Teipiwch \/coregroup schedule i drefnu'r grŵp craidd cyntaf/);
  });
});

describe('the booking cards in Welsh, as values', () => {
  const CY = wordsIn('cy');
  const EN = wordsIn('en');
  const ID = '5b1d0c8e-0000-4000-8000-000000000001';
  const slot = (day: number, beforeDeadline = true, tentative: string[] = []) => ({ startMs: Date.UTC(2026, 5, day, 9), endMs: Date.UTC(2026, 5, day, 10, 30), date: Temporal.PlainDate.from(`2026-06-${String(day).padStart(2, '0')}`), beforeDeadline, tentative, reason: 'all-free' as const });
  const names = new Map([['m1', 'Grace Lindqvist'], ['m2', 'Owen Price'], ['m3', 'Amira Haddad'], ['m4', 'Jordan [Ellis](http://x)']]);
  const offer = (unknownAvailability: string[]): SlotOffer => ({
    obligation: { id: 'first-core-group', due: Temporal.PlainDate.from('2026-06-10'), rule: 'First core group within 10 working days of the ICPC', wording: { rule: 'first-core-group', start: 'icpc', period: { count: 10, unit: 'working-days' } }, status: 'due' },
    unknownAvailability,
    proposal: { slots: [slot(11, false, ['m1']), slot(12, false)], deadline: Temporal.PlainDate.from('2026-06-10'), deadlineCanBeMet: false, blockers: [{ attendeeId: 'm1', blockedSlots: 4 }], unknownAvailability },
  });
  const extra: ExtraMeetingOffer = { concernId: ID, grantedOn: Temporal.PlainDate.from('2026-06-03'), within: Temporal.PlainDate.from('2026-06-17'), proposal: { slots: [slot(4), slot(18, false)], deadline: Temporal.PlainDate.from('2026-06-17'), deadlineCanBeMet: true, blockers: [], unknownAvailability: [] }, names: new Map() };

  test('slots past the deadline: the warning, who blocks them, whose availability is unknown ("a", "ac" before a vowel), each slot’s standing; English as before', () => {
    const card = slotsCard(CY, { coreGroupId: ID, caseReference: 'CP-1', names, offer: offer(['m2', 'm3']) });
    expect(problems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toMatch(/⚠ Nid oes dim yn ffitio cyn y terfyn amser, Mer\W+10 Meh 2026\./);
    for (const welsh of ["Y rhai sy'n rhwystro'r nifer fwyaf o amseroedd: Grace Lindqvist (4).", 'Nid yw argaeledd Owen Price ac Amira Haddad yn hysbys', '(mae rhywun yn ansicr) — ar ôl y terfyn amser', '10:00–11:30 — ar ôl y terfyn amser']) expect(text).toContain(welsh);
    const escaped = JSON.stringify(slotsCard(CY, { coreGroupId: ID, caseReference: 'CP-1', names, offer: offer(['m3', 'm4']) }));
    expect(escaped).toContain(`Nid yw argaeledd Amira Haddad a ${escapeCardText('Jordan [Ellis](http://x)')} yn hysbys`);
    expect(escaped).not.toContain('](http');
    const english = JSON.stringify(slotsCard(EN, { coreGroupId: ID, caseReference: 'CP-1', names, offer: offer(['m2', 'm3', 'm9']) }));
    for (const words of ['⚠ Nothing fits before the deadline of Wed 10 Jun 2026.', 'Most slots are blocked by: Grace Lindqvist (4).', 'Availability unknown for Owen Price, Amira Haddad and a member (no calendar the app can read)', 'Thu 11 Jun 2026, 10:00–11:30 (someone is tentative) — after the deadline']) expect(english).toContain(words);
  });

  test('the extra core group granted, its booking confirmed, and moving the whole series', () => {
    const section = extraMeetingCard(CY, { coreGroupId: ID, caseReference: 'CP-1', offer: extra });
    const confirmed = bookedCard(CY, { caseReference: 'CP-1', startMs: Date.UTC(2026, 5, 4, 9), endMs: Date.UTC(2026, 5, 4, 10, 30), chatReady: false, extra: true, place: { mode: 'in-person', venue: 'Canolfan *y* Teulu' } });
    const moving = rescheduleSlotsCard(CY, { caseReference: 'CP-1', part: { coreGroupId: ID, meetingId: ID, scope: 'series', occurrence: String(Date.UTC(2026, 5, 2, 9)) }, currentEndMs: Date.UTC(2026, 5, 2, 10, 30), offer: offer([]) });
    for (const card of [section, confirmed, moving]) expect(problems(card)).toEqual([]);
    const text = JSON.stringify(section);
    expect(text).toMatch(/Caniatawyd grŵp craidd ychwanegol ar Mer\W+3 Meh 2026: dewiswch amser/);
    expect(text).toMatch(/o fewn y 10 diwrnod gwaith nesaf: erbyn Mer\W+17 Meh 2026\./);
    expect(text).toMatch(/10:00–11:30 — ar ôl Mer\W+17 Meh 2026"/);
    for (const welsh of ["Trefnu'r grŵp craidd ychwanegol — achos CP-1", "\"title\":\"Trefnu'r grŵp craidd ychwanegol\""]) expect(text).toContain(welsh);
    for (const welsh of ["Grŵp craidd ychwanegol wedi'i drefnu — achos CP-1", `${escapeCardText('Canolfan *y* Teulu')} (wyneb yn wyneb)`, "un cyfarfod yn unig yw hwn, ac mae'r gyfres yn aros fel y mae", 'Bydd Core Group yn ymuno â sgwrs y cyfarfod cyn bo hir.']) expect(JSON.stringify(confirmed)).toContain(welsh);
    for (const welsh of ['Symud y gyfres gyfan (mae pob cyfarfod yn symud gyda hi). Y grŵp craidd cyntaf o fewn 10 diwrnod gwaith', '"title":"Symud y gyfres"']) expect(JSON.stringify(moving)).toContain(welsh);
    expect(JSON.stringify(extraMeetingCard(EN, { coreGroupId: ID, caseReference: 'CP-1', offer: extra }))).toContain('One meeting, beside the series (which stays as it is), within the next 10 working days: by Wed 17 Jun 2026.');
  });
});
