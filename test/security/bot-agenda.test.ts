import { randomUUID } from 'node:crypto';
import { demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { attack } from './support/attack';
import { type BotUnderAttack, MEETING_CHAT_ID, OTHER_TENANT_ID, TEAMS_APP_ID, startBotUnderAttack } from './support/bot-under-attack';

/**
 * The agenda card lives in the meeting chat, where guests and parents see it. Each person may get
 * their own view of it (Teams shows an `Action.Execute` answer to the presser alone), but nothing
 * about one member may replace the shared card or be posted into the chat, and nobody outside the
 * group learns who is in it — nor, from another tenant, anything about the meeting at all.
 */
describe('attacks on the agenda card', () => {
  let bot: BotUnderAttack;
  const health = demoObjectId('health');
  const stranger = demoObjectId('stranger');
  const inMeetingChat = { conversationType: 'groupChat', conversationId: MEETING_CHAT_ID } as const;
  const agenda = (started = true) => ({ meetingId: bot.meetingId, started });

  beforeAll(async () => {
    bot = await startBotUnderAttack();
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.channel.sent.splice(0));

  /** What a member's own view shows and the shared card never does: their actions, their attendance, the members' ids. */
  const personalDetail = /Only you see this part|Your attendance|Visit weekly|29:/;
  /** Anything about the meeting: its chat (in the minutes link), its time, its agenda, who refreshes it. */
  const meetingDetail = new RegExp([MEETING_CHAT_ID, encodeURIComponent(MEETING_CHAT_ID), '09:00', '10:00', '2026-06-08', 'Mon, 8 Jun', TEAMS_APP_ID, 'Core group meeting', 'draft minutes', 'userIds', '29:'].map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');

  attack('F1 the agenda’s Submit fallback pressed in the meeting chat never puts the presser’s own view into the chat', async () => {
    await bot.submit(health, { verb: 'mark-present', ...agenda() }, inMeetingChat, { replyToId: 'agenda-activity-1' });
    expect(bot.sentTo(MEETING_CHAT_ID)).toEqual([]);
    // The press itself still counts, and the presser's view went to their own 1:1 chat.
    expect(await bot.attendanceOf(health)).toBe('present');
    expect(bot.sentTo('a:health').join('')).toContain('Your attendance: present');
  });

  attack('F1 the Submit fallback from a member with no 1:1 chat with the app sends their view nowhere, least of all into the meeting chat', async () => {
    const manager = demoObjectId('manager');
    await bot.submit(manager, { verb: 'mark-present', ...agenda() }, inMeetingChat, { replyToId: 'agenda-activity-1' });
    expect(bot.channel.sent).toEqual([]);
    expect(await bot.attendanceOf(manager)).toBe('present');
  });

  attack('F1 a crafted agenda-view Submit in the meeting chat posts nothing there', async () => {
    await bot.submit(health, { verb: 'agenda-view', ...agenda() }, inMeetingChat, { replyToId: 'agenda-activity-1' });
    expect(bot.sentTo(MEETING_CHAT_ID)).toEqual([]);
  });

  attack('F1 a non-member’s “I’m here” Submit in the meeting chat records nothing and does not replace the agenda with a refusal', async () => {
    const before = (await bot.store.minutes.findByMeeting(bot.meetingId))!.version;
    await bot.submit(stranger, { verb: 'mark-present', ...agenda() }, inMeetingChat, { replyToId: 'agenda-activity-1' });
    expect(bot.sentTo(MEETING_CHAT_ID)).toEqual([]);
    expect((await bot.store.minutes.findByMeeting(bot.meetingId))!.version).toBe(before);
  });

  attack('F8 agenda-view from a user of another tenant, in the meeting chat, learns nothing about the meeting', async () => {
    const answer = await bot.invoke(health, { verb: 'agenda-view', data: agenda() }, { ...inMeetingChat, tenantId: OTHER_TENANT_ID });
    expect(JSON.stringify(answer)).not.toMatch(meetingDetail);
  });

  attack('F8 agenda-view from a user of another tenant gets the same answer as for a meeting that does not exist', async () => {
    const other = await bot.invoke(stranger, { verb: 'agenda-view', data: agenda() }, { ...inMeetingChat, tenantId: OTHER_TENANT_ID });
    const missing = await bot.invoke(stranger, { verb: 'agenda-view', data: { meetingId: randomUUID(), started: true } }, { ...inMeetingChat, tenantId: OTHER_TENANT_ID });
    expect(other).toEqual(missing);
  });

  attack('F8 a same-tenant non-member refreshing the agenda in the meeting chat gets the shared card without the members’ ids', async () => {
    const answer = (await bot.invoke(stranger, { verb: 'agenda-view', data: agenda() }, inMeetingChat)) as { value: { refresh?: unknown } };
    const text = JSON.stringify(answer);
    expect(text).toContain('the draft minutes are open');
    expect(answer.value.refresh).toBeUndefined();
    expect(text).not.toMatch(personalDetail);
  });

  attack('F8 a same-tenant non-member asking for the agenda from outside the meeting chat learns nothing about the meeting', async () => {
    for (const place of [{}, { conversationType: 'groupChat', conversationId: '19:another-chat@thread.v2' }] as const) {
      const answer = await bot.invoke(stranger, { verb: 'agenda-view', data: agenda() }, place);
      expect(JSON.stringify(answer)).not.toMatch(meetingDetail);
    }
  });

  attack('F8 “I’m here” from a user of another tenant records nothing and gets the answer a missing meeting gets', async () => {
    const before = (await bot.store.minutes.findByMeeting(bot.meetingId))!.version;
    // Another tenant's user with the very object id of a member: the tenant, not the id, decides.
    const other = await bot.invoke(demoObjectId('police'), { verb: 'mark-present', data: agenda() }, { ...inMeetingChat, tenantId: OTHER_TENANT_ID });
    const missing = await bot.invoke(demoObjectId('police'), { verb: 'mark-present', data: { meetingId: randomUUID(), started: true } }, { ...inMeetingChat, tenantId: OTHER_TENANT_ID });
    expect(other).toEqual(missing);
    expect((await bot.store.minutes.findByMeeting(bot.meetingId))!.version).toBe(before);
    expect(await bot.attendanceOf(demoObjectId('police'))).not.toBe('present');
  });

  attack('“I’m here” from a same-tenant non-member records nothing and shows them nothing about the members', async () => {
    const before = (await bot.store.minutes.findByMeeting(bot.meetingId))!.version;
    const answer = await bot.invoke(stranger, { verb: 'mark-present', data: agenda() }, inMeetingChat);
    expect(JSON.stringify(answer)).not.toMatch(personalDetail);
    expect((await bot.store.minutes.findByMeeting(bot.meetingId))!.version).toBe(before);
    const audit = await bot.store.auditLog.listByCoreGroup(bot.coreGroupId);
    expect(audit).toContainEqual(expect.objectContaining({ actor: stranger, action: 'record-own-attendance', outcome: 'denied' }));
  });

  attack('“I’m here” replayed with the same activity id records the member once', async () => {
    const iro = demoObjectId('iro');
    const id = randomUUID();
    await bot.invoke(iro, { verb: 'mark-present', data: agenda() }, inMeetingChat, { id });
    const version = (await bot.store.minutes.findByMeeting(bot.meetingId))!.version;
    await bot.invoke(iro, { verb: 'mark-present', data: agenda() }, inMeetingChat, { id });
    const minutes = (await bot.store.minutes.findByMeeting(bot.meetingId))!;
    expect(minutes.version).toBe(version);
    const iroMember = (await bot.store.coreGroups.members(bot.coreGroupId)).find((member) => member.aadObjectId === iro)!;
    expect(minutes.content.attendance.filter((entry) => entry.memberId === iroMember.id)).toHaveLength(1);
  });

  test('a member still gets their own view in the meeting chat, with who else refreshes it', async () => {
    const answer = (await bot.invoke(health, { verb: 'agenda-view', data: agenda() }, inMeetingChat)) as { value: { refresh?: { userIds: string[] } } };
    expect(JSON.stringify(answer)).toContain('Only you see this part');
    expect(answer.value.refresh?.userIds).toEqual(expect.arrayContaining([`29:health`, `29:lead`]));
  });
});
