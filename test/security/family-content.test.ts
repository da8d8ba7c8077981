import { docxText } from '../support/documents';
import { attack } from './support/attack';
import { DEMO_CHAT_ID, type SecuredStack, startSecuredStack } from './support/secured-stack';

/**
 * Family-only-sees-family-content. DESIGN.md §2–3: minutes go to parents only where the group
 * shared them, the plan and the review are shared with the family by the group's decision, group
 * chats carry only what every participant (parents included) may see, and per-member detail goes
 * 1:1 to verified members. So a family member — here a Teams guest of the demo core group — never
 * gets a draft, minutes the group did not share with the family, another member's actions, the
 * plan's contingency or compliance, by any way in: tab, dashboard, exports, cards, e-mail.
 */
let stack: SecuredStack;
beforeAll(async () => {
  stack = await startSecuredStack();
});
afterAll(() => stack.stop());

/** Professional-only content of the demo core group: the draft's text, the plan's actions and contingency, the child's name. */
const PROFESSIONAL_ONLY = ['DRAFT-CHILDS-VOICE', 'Visit weekly', 'Report attendance', 'written safety plan', 'call-outs', 'strategy discussion', 'Riley', 'HMP Secret Institution'] as const;
const seen = (text: string) => PROFESSIONAL_ONLY.filter((marker) => text.includes(marker));

const cardsSent = (from: number) => JSON.stringify(stack.channel.sent.slice(from).map((request) => request.body));

describe('the tab API gives a family member nothing professional-only', () => {
  attack('family: the draft minutes in the tab are refused and show nothing', async () => {
    const answer = await stack.call('GET', `/api/meetings/${stack.meetingId}/minutes`, { token: await stack.as('family') });
    expect([403, 404]).toContain(answer.status);
    expect(seen(answer.text)).toEqual([]);
  });

  attack('family: signed minutes the group did not share with the family are refused and show nothing', async () => {
    const { meetingId } = await stack.freshMeeting('signed');
    const answer = await stack.call('GET', `/api/meetings/${meetingId}/minutes`, { token: await stack.as('family') });
    expect([403, 404]).toContain(answer.status);
    expect(seen(answer.text)).toEqual([]);
  });

  attack('family: the dashboard carries no compliance, obligations, timeline or other members’ actions', async () => {
    const answer = await stack.call('GET', '/api/dashboard', { token: await stack.as('family') });
    expect(answer.status).toBe(200);
    expect(seen(answer.text)).toEqual([]);
    expect(answer.json).toMatchObject({ compliance: [], coreGroups: [], timeline: [] });
  });

  attack('family: a relative’s whereabouts in an institution, and the co-ordinator’s letter, are neither shown nor recordable', async () => {
    await stack.freshMeeting('draft');
    const listed = await stack.call('GET', '/api/institution-tasks', { token: await stack.as('family') });
    expect([listed.status, listed.json]).toEqual([200, { tasks: [] }]);
    expect(seen(listed.text)).toEqual([]);
    const recorded = await stack.call('POST', `/api/core-groups/${stack.coreGroupId}/institution-tasks`, { token: await stack.as('family'), body: { person: 'father', kind: 'prison', institution: 'HMP Leeds' } });
    expect([403, 404]).toContain(recorded.status);
  });

  for (const format of ['docx', 'pdf']) {
    attack(`family: the minutes export (${format}) is refused`, async () => {
      const { meetingId } = await stack.freshMeeting('signed');
      const answer = await stack.call('GET', `/api/meetings/${meetingId}/minutes/export.${format}`, { token: await stack.as('family') });
      expect([403, 404]).toContain(answer.status);
      expect(seen(answer.text)).toEqual([]);
    });
    attack(`family: the plan export (${format}) is refused`, async () => {
      const answer = await stack.call('GET', `/api/core-groups/${stack.coreGroupId}/plan/export.${format}`, { token: await stack.as('family') });
      expect([403, 404]).toContain(answer.status);
      expect(seen(answer.text)).toEqual([]);
    });
    attack(`family: the record pack (${format}) is refused`, async () => {
      const answer = await stack.call('GET', `/api/core-groups/${stack.coreGroupId}/record-pack?format=${format}`, { token: await stack.as('family') });
      expect([403, 404]).toContain(answer.status);
      expect(seen(answer.text)).toEqual([]);
    });
  }

  attack('family: the meeting of the chat discloses nothing professional-only', async () => {
    const answer = await stack.call('GET', `/api/meetings/current?chatId=${encodeURIComponent(DEMO_CHAT_ID)}`, { token: await stack.as('family') });
    expect(answer.status).toBeLessThan(500);
    expect(seen(answer.text)).toEqual([]);
  });
});

describe('cards give a family member nothing professional-only', () => {
  for (const command of ['status', 'plan', 'tasks', 'minutes']) {
    attack(`family: /coregroup ${command} in a 1:1 chat shows nothing professional-only`, async () => {
      const from = stack.channel.sent.length;
      const answer = await stack.postActivity(stack.activity('family', { text: `/coregroup ${command}` }));
      expect(answer.status).toBe(200);
      expect(seen(cardsSent(from))).toEqual([]);
    });
  }

  for (const verb of ['agenda-view', 'mark-present']) {
    attack(`family: the agenda card’s ${verb} in the meeting chat shows nothing professional-only`, async () => {
      const activity = stack.activity('family', { type: 'invoke', name: 'adaptiveCard/action', conversationType: 'groupChat', value: { trigger: 'manual', action: { type: 'Action.Execute', verb, data: { meetingId: stack.meetingId, started: true } } } });
      const answer = await stack.postActivity(stack.inMeetingChat(activity));
      expect(answer.status).toBe(200);
      expect(seen(answer.text)).toEqual([]);
    });
  }

  attack('family: the agenda posted into the meeting chat (which parents see) carries nothing professional-only', async () => {
    const { chatId } = await stack.freshMeeting('draft');
    const from = stack.channel.sent.length;
    await stack.postActivity(stack.meetingEvent(chatId, 'start'));
    await stack.drainJobs();
    const posted = cardsSent(from);
    expect(posted).toContain('Core group meeting');
    expect(seen(posted)).toEqual([]);
  });
});

describe('circulation reaches the family only with what the group shared', () => {
  const distribute = async (meetingId: string) => {
    const list = await stack.call('GET', `/api/meetings/${meetingId}/minutes/recipients`, { token: await stack.as('lead') });
    return stack.call('POST', `/api/meetings/${meetingId}/minutes/distribute`, { token: await stack.as('lead'), body: { listHash: (list.json as { listHash: string }).listHash } });
  };
  const familyMemberIds = () => stack.demoMembers.filter((member) => member.role === 'family-member').map((member) => member.id);
  const deliveriesQueuedFor = async (meetingId: string) =>
    (await stack.database.db.selectFrom('jobs').select('payload').where('kind', '=', 'minutes-delivery').execute())
      .map((job) => JSON.parse(String(job.payload)) as { meetingId: string; memberId: string })
      .filter((payload) => payload.meetingId === meetingId)
      .map((payload) => payload.memberId);

  /** A held meeting whose minutes are signed with this sharing decision. */
  const signedWithSharing = async (sharing: { withFamily: boolean; withChild: boolean; withheldReason?: string }) => {
    const { meetingId } = await stack.freshMeeting('draft');
    const save = await stack.call('PATCH', `/api/meetings/${meetingId}/minutes`, { token: await stack.as('lead'), body: { baseVersion: 1, section: 'sharing', value: sharing } });
    expect(save.status).toBe(200);
    expect((await stack.call('POST', `/api/meetings/${meetingId}/minutes/sign-off`, { token: await stack.as('lead'), body: { as: 'chair' } })).status).toBe(200);
    expect((await stack.call('POST', `/api/meetings/${meetingId}/minutes/sign-off`, { token: await stack.as('manager'), body: { as: 'team-manager' } })).status).toBe(200);
    return meetingId;
  };

  attack('family: withholding from the family without a reason is refused', async () => {
    const { meetingId } = await stack.freshMeeting('draft');
    const save = await stack.call('PATCH', `/api/meetings/${meetingId}/minutes`, { token: await stack.as('lead'), body: { baseVersion: 1, section: 'sharing', value: { withFamily: false, withChild: false } } });
    expect(save.status).toBe(422);
  });

  attack('family: minutes the chair withheld from the family (with a reason) are neither queued nor e-mailed nor sent to them, nor readable as a family version', async () => {
    const meetingId = await signedWithSharing({ withFamily: false, withChild: false, withheldReason: 'A strategy discussion is under way' });
    const audited = await stack.database.db.selectFrom('audit_log').select('action').where('target_id', '=', meetingId).where('action', 'like', 'family-sharing:%').execute();
    expect(audited.map((entry) => entry.action)).toEqual(['family-sharing:withheld-from-family-and-child']);
    const exported = await fetch(`${stack.base}/api/meetings/${meetingId}/minutes/export.docx`, { headers: { authorization: `Bearer ${await stack.as('lead')}` } });
    expect(await docxText(Buffer.from(await exported.arrayBuffer()))).toContain('Withheld by the chair because: A strategy discussion is under way');
    const mailed = stack.simulator.state.sentMail.length;
    expect((await distribute(meetingId)).status).toBe(202);
    await stack.drainJobs();
    const queued = await deliveriesQueuedFor(meetingId);
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.filter((memberId) => familyMemberIds().includes(memberId))).toEqual([]);
    const recipients = stack.simulator.state.sentMail.slice(mailed).flatMap((sent) => (sent.message.toRecipients ?? []).map((recipient) => recipient.emailAddress?.address));
    expect(recipients.filter((address) => address?.endsWith('family.example'))).toEqual([]);
    const reading = await stack.call('GET', `/api/meetings/${meetingId}/family-version/reading`, { token: await stack.as('family') });
    expect([403, 404]).toContain(reading.status);
  });

  attack('family: minutes shared by default reach the family only as the signed-off family version — nothing before the sign-off', async () => {
    const meetingId = await signedWithSharing({ withFamily: true, withChild: true });
    expect((await distribute(meetingId)).status).toBe(202);
    expect((await deliveriesQueuedFor(meetingId)).filter((memberId) => familyMemberIds().includes(memberId))).toEqual([]);
    const prepared = await stack.call('GET', `/api/meetings/${meetingId}/family-version`, { token: await stack.as('lead') });
    const reviewed = await stack.call('PUT', `/api/meetings/${meetingId}/family-version`, { token: await stack.as('lead'), body: { baseVersion: (prepared.json as { version: number }).version, summary: 'Things are a little better.', items: [] } });
    expect((await stack.call('POST', `/api/meetings/${meetingId}/family-version/sign-off`, { token: await stack.as('lead'), body: { version: (reviewed.json as { version: number }).version } })).status).toBe(200);
    expect((await distribute(meetingId)).status).toBe(202);
    expect(await deliveriesQueuedFor(meetingId)).toEqual(expect.arrayContaining(familyMemberIds()));
    const familyJobs = (await stack.database.db.selectFrom('jobs').select('payload').where('kind', '=', 'minutes-delivery').execute())
      .map((job) => JSON.parse(String(job.payload)) as { meetingId: string; memberId: string; familyVersion?: number })
      .filter((payload) => payload.meetingId === meetingId && familyMemberIds().includes(payload.memberId));
    expect(familyJobs.every((payload) => payload.familyVersion !== undefined)).toBe(true);
  });
});
