import { Temporal } from 'temporal-polyfill';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import type { Clock } from '../../src/services/ports/clock.port';
import { type AnsweredCard as Card, firstSlot, titled } from '../support/adaptive-cards';
import { botEndpointForTests } from '../support/bot-endpoint';

const clock: Clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-03') };
const lead = demoObjectId('lead');
const LEAD_MAIL = 'priya.shah@demo.example';
const TOM_MAIL = 'tom.okafor@demo.example';

/**
 * Moving and cancelling the meetings of a booked series from its card, through the real bot
 * endpoint and the Graph adapter against the simulator: each meeting is known by its identity, not
 * by a start that a move changes, so a card never says a meeting was (or already was) cancelled
 * or moved when it was not, and a press Teams repeats changes nothing more.
 */
describe('moving and cancelling the meetings of a booked series, from its card', () => {
  const endpoint = botEndpointForTests(clock);
  const bot = () => endpoint.endpoint();
  const store = () => endpoint.store();

  /** The card the bot answers a message with, in a 1:1 chat. */
  const say = async (text: string) => (await endpoint.answer('lead', text, { locale: 'en-GB' })).card!;
  /** A card button pressed (Universal Actions): the card the bot answers with. */
  const press = (action: { verb?: string; data?: object }, inputs: Record<string, string> = {}, locale = 'en-GB') => endpoint.pressCard('lead', action, { inputs, locale });
  const cancelOne = (card: Card, locale = 'en-GB') => press(titled(card, locale === 'cy-GB' ? "Canslo gyda'r rheswm hwn" : 'Cancel with this reason'), { reason: 'Clash with the school holiday', scope: 'one' }, locale);
  /** "Reschedule this one", then Move to the first slot offered (or `slot`): the card Move answers with. */
  const moveOne = async (card: Card, slot?: string) => {
    const offer = (await press(titled(card, 'Reschedule this one'))).card;
    return press(titled(offer, 'Move this meeting'), { slot: slot ?? firstSlot(offer) });
  };
  /** The next meeting's start, as the card's buttons carry it. */
  const nextOf = (card: Card) => Number(titled(card, 'Reschedule this one').data!.occurrence);

  /** Calendar requests that cancel something: what Outlook was asked to tell the invitees. */
  const cancellations = () => bot().simulator.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/cancel')).length;
  /** Whether an invitee's calendar is busy with the meeting starting then (free/busy through Graph). */
  const busyAt = async (mailbox: string, startMs: number) => {
    const [seen] = await bot().calendar.availability({ organiser: LEAD_MAIL, mailboxes: [mailbox], fromMs: startMs - 3_600_000, toMs: startMs + 3_600_000 });
    return seen!.busy.some((block) => block.startMs === startMs);
  };
  const seriesMeeting = async () => (await store().meetings.listByCoreGroup((await store().coreGroups.listForMember(DEMO_TENANT_ID, lead)).find((group) => group.caseReference === 'DEMO-0001')!.id)).find((meeting) => meeting.booking)!;

  let before: Card;
  let moved: Card;

  test('the next meeting moved, then cancelled from the card the move answered with: Outlook cancels it, once, and the card says so', async () => {
    const schedule = await say('/coregroup schedule');
    await press(titled(schedule, 'Book this Teams meeting'), { slot: firstSlot(schedule), mode: 'online' });
    before = await say('/coregroup schedule');
    moved = (await moveOne(before)).card;
    const movedTo = nextOf(moved);
    expect(movedTo).not.toBe(nextOf(before));
    expect(await busyAt(TOM_MAIL, movedTo)).toBe(true);

    const cancelled = await cancelOne(moved);
    expect(cancelled.text).toContain('✔ Cancelled that meeting; the series goes on. Outlook has sent the cancellation to everyone invited.');
    expect(cancellations()).toBe(1);
    expect(await busyAt(TOM_MAIL, movedTo)).toBe(false);
    expect(await busyAt(LEAD_MAIL, movedTo)).toBe(false);
    expect(await seriesMeeting()).toMatchObject({ status: 'cancelled', cancellationReason: 'Clash with the school holiday', startsAt: new Date(movedTo).toISOString() });

    // Teams repeats the press: it was done, once.
    expect((await cancelOne(moved)).text).toContain('Already cancelled: nothing more was changed.');
    expect(cancellations()).toBe(1);
  });

  test('a card made before the move is answered truthfully: that meeting is not at its time any more, and nothing is cancelled or moved', async () => {
    const refused = await cancelOne(before);
    expect(refused.text).toContain('That meeting is no longer at ');
    expect(refused.text).toContain('it has been moved or cancelled since. Nothing was changed.');
    expect(refused.text).not.toMatch(/Already cancelled|✔/);
    const stillThere = await moveOne(before);
    expect(stillThere.text).toContain('That meeting is no longer at ');
    expect(stillThere.text).not.toMatch(/Already moved|✔/);
    expect(cancellations()).toBe(1);
    expect(bot().simulator.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);
  });

  test('a cancelled meeting is not moved: the card says it was cancelled, never that it was moved', async () => {
    const refused = await moveOne(moved);
    expect(refused.text).toContain('That meeting has been cancelled, so it cannot be moved. Nothing was changed.');
    expect(refused.text).not.toMatch(/Already moved|✔/);
    expect(bot().simulator.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);
  });

  test('a later meeting of the series, known by its calendar id: moved twice, then cancelled once; a card from before each move is refused', async () => {
    const series = await say('/coregroup schedule');
    const second = nextOf(series);
    expect(titled(series, 'Reschedule this one').data!.occurrenceId).toEqual(expect.any(String));

    const once = (await moveOne(series)).card;
    const twice = await moveOne(once);
    expect(twice.text).toContain('✔ Moved the meeting to ');
    const movedTo = nextOf(twice.card);
    expect(new Set([second, nextOf(once), movedTo]).size).toBe(3);
    expect(await busyAt(TOM_MAIL, movedTo)).toBe(true);
    expect(await busyAt(TOM_MAIL, nextOf(once))).toBe(false);
    expect(await busyAt(TOM_MAIL, second)).toBe(false);

    expect((await cancelOne(once)).text).toContain('That meeting is no longer at ');
    expect((await cancelOne(series)).text).toContain('That meeting is no longer at ');
    expect(cancellations()).toBe(1);

    expect((await cancelOne(twice.card)).text).toContain('✔ Cancelled that meeting; the series goes on.');
    expect((await cancelOne(twice.card)).text).toContain('Already cancelled: nothing more was changed.');
    expect(cancellations()).toBe(2);
    expect(await busyAt(TOM_MAIL, movedTo)).toBe(false);
    expect((await moveOne(twice.card)).text).toContain('That meeting has been cancelled, so it cannot be moved.');
  });

  test('a card posted before meetings carried their id still works for a meeting at its time, and is refused in Welsh once it is not', async () => {
    const series = await say('/coregroup schedule');
    const next = nextOf(series);
    const cancel = titled(series, 'Cancel with this reason');
    const { occurrenceId: _left, ...oldShape } = cancel.data!;
    const oldCard: Card = { body: [], actions: [{ ...cancel, data: oldShape }] };
    expect(await busyAt(TOM_MAIL, next)).toBe(true);
    expect((await cancelOne(oldCard)).text).toContain('✔ Cancelled that meeting; the series goes on.');
    expect(await busyAt(TOM_MAIL, next)).toBe(false);
    const again = await cancelOne({ body: [], actions: [{ ...oldCard.actions![0]!, title: "Canslo gyda'r rheswm hwn" }] }, 'cy-GB');
    expect(again.text).toContain("Nid yw'r cyfarfod hwnnw ar ");
    expect(again.text).toContain("mwyach: mae wedi'i symud neu wedi'i ganslo ers hynny. Ni newidiwyd dim.");
    expect(again.text).not.toMatch(/eisoes|no longer/);
    expect(cancellations()).toBe(3);
  });

  test('the whole series, after the meeting the record keeps was cancelled on its own: Outlook cancels the series, once, and the card says so', async () => {
    const series = await say('/coregroup schedule');
    const next = nextOf(series);
    expect((await seriesMeeting()).status).toBe('cancelled');
    const whole = await press(titled(series, 'Cancel with this reason'), { reason: 'The family moved away', scope: 'series' });
    expect(whole.text).toContain('✔ Cancelled the series. Outlook has sent the cancellation to everyone invited.');
    expect(whole.text).not.toContain('Already cancelled');
    expect(cancellations()).toBe(4);
    expect(await busyAt(TOM_MAIL, next)).toBe(false);
    expect((await press(titled(series, 'Cancel with this reason'), { reason: 'The family moved away', scope: 'series' })).text).toContain('Already cancelled: nothing more was changed.');
    expect(cancellations()).toBe(4);
  });
});
