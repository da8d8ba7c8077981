import { randomUUID } from 'node:crypto';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { attack } from './support/attack';
import { type BotUnderAttack, GROUP_CHAT_ID, OTHER_TENANT_ID, type Place, startBotUnderAttack } from './support/bot-under-attack';

/**
 * The cards whose answers are about one person — check-ins, a concern, booking, setting a group
 * up — are only ever sent 1:1. Pressed (or crafted) in a group or channel chat, by someone the
 * card was not for, from another tenant, or delivered twice, they record nothing (or once) and
 * put nothing about the case into a shared chat. Who acts is the activity's signed sender; ids in
 * the card's data never are.
 */
describe('attacks with the 1:1 cards', () => {
  let bot: BotUnderAttack;
  const health = demoObjectId('health');
  const lead = demoObjectId('lead');
  const manager = demoObjectId('manager');
  const police = demoObjectId('police');
  const stranger = demoObjectId('stranger');
  /** What a 1:1 card's answer shows and a shared chat must never see. */
  const caseDetail = /DEMO-0001|DEMO-0002|CP-ATTACK|Your actions|Visit weekly|Concern raised|Priya|Tom Okafor|Riley|Invented|meetup-join/;
  let slotDay = 0;
  let caseNumber = 0;

  beforeAll(async () => {
    bot = await startBotUnderAttack();
  });
  /** Extra core groups granted on the bookable group: each press of `book-extra-meeting` takes a fresh one (a grant books once). */
  const grants: string[] = [];
  beforeAll(async () => {
    const { coreGroupId } = bot.bookableGroup;
    const [lead3] = await bot.store.coreGroups.members(coreGroupId);
    const at = '2026-06-02T09:00:00.000Z';
    for (let index = 0; index < 8; index++) {
      const id = randomUUID();
      await bot.store.concerns.raise({ id, coreGroupId, kind: 'extra-meeting-request', raisedByMemberId: lead3!.id, step: 0, status: 'open', raisedAt: at, stepStartedAt: at }, id);
      await bot.store.concerns.move({ id, from: { step: 0, status: 'open' }, to: { step: 0, status: 'resolved' }, at });
      await bot.store.concernHistory.record({ id: randomUUID(), concernId: id, step: 0, kind: 'granted', at });
      grants.push(id);
    }
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.channel.sent.splice(0));

  const counts = {
    checkIns: async () => (await bot.store.checkIns.listByCoreGroup(bot.coreGroupId)).length,
    concerns: async () => (await bot.store.concerns.listByCoreGroup(bot.coreGroupId)).length,
    meetings: async () => (await bot.store.meetings.listByCoreGroup(bot.coreGroupId)).length,
    bookings: async () => (await bot.store.meetings.listByCoreGroup(bot.bookableGroup.coreGroupId)).length,
    coreGroups: async () => (await bot.store.coreGroups.listForMember(DEMO_TENANT_ID, manager)).length,
  };

  /** Each 1:1 verb: who it is for, fresh valid data for one press (a new prompt, request, slot or case each time), and what counts its effect. */
  const VERBS = {
    'check-in': { presser: health, data: () => ({ coreGroupId: bot.coreGroupId, actionId: 'action-visits', status: 'on-track', promptId: randomUUID() }), recorded: counts.checkIns },
    'raise-concern': { presser: health, data: () => ({ coreGroupId: bot.coreGroupId, requestId: randomUUID(), kind: 'tasks-not-done', note: 'School has not sent attendance for three weeks' }), recorded: counts.concerns },
    // A case has one series at a time (the demo group has one): booking is pressed on the group with none.
    'book-slot': { presser: demoObjectId('lead3'), data: () => ({ coreGroupId: bot.bookableGroup.coreGroupId, slot: String(Date.UTC(2026, 5, 15 + (slotDay += 1), 13)) }), recorded: counts.bookings },
    'book-extra-meeting': { presser: demoObjectId('lead3'), data: () => ({ coreGroupId: bot.bookableGroup.coreGroupId, concernId: grants.shift(), slot: String(Date.UTC(2026, 5, 15 + (slotDay += 1), 13)) }), recorded: counts.bookings },
    'create-core-group': {
      presser: manager,
      data: () => ({ requestId: randomUUID(), caseReference: `CP-ATTACK-${(caseNumber += 1)}`, childName: 'Invented Child', icpcDate: '2026-06-01', policyId: 'wales', creatorRole: 'team-manager', membersText: 'professional | GP surgery | Dr Ann Other | ann.other@gp.example', outcomesText: 'Safe at home' }),
      recorded: counts.coreGroups,
    },
  } as const;
  type Verb = keyof typeof VERBS;
  const verbs = Object.keys(VERBS) as Verb[];

  const shared: readonly [string, Place][] = [
    ['a group chat', { conversationType: 'groupChat', conversationId: GROUP_CHAT_ID }],
    ['a channel', { conversationType: 'channel', conversationId: '19:general@thread.tacv2' }],
  ];

  describe('in a shared chat', () => {
    for (const verb of verbs) {
      for (const [where, place] of shared) {
        attack(`F2 ${verb} pressed (Action.Execute) in ${where} records nothing and answers without the case`, async () => {
          const { presser, data, recorded } = VERBS[verb];
          const before = await recorded();
          const answer = JSON.stringify(await bot.invoke(presser, { verb, data: data() }, place));
          expect(await recorded()).toBe(before);
          expect(answer).toContain('1:1 chat');
          expect(answer).not.toMatch(caseDetail);
        });

        attack(`F2 ${verb} submitted (Action.Submit fallback) in ${where} records nothing and puts nothing about the case there`, async () => {
          const { presser, data, recorded } = VERBS[verb];
          const before = await recorded();
          await bot.submit(presser, { verb, ...data() }, place);
          expect(await recorded()).toBe(before);
          const posted = bot.sentTo(place.conversationId!);
          expect(posted.join('')).not.toMatch(caseDetail);
          // Never the pressed card replaced: only a new notice, naming nothing.
          expect(bot.channel.sent.filter((request) => request.method === 'PUT')).toEqual([]);
          expect(posted.join('')).toContain('1:1 chat');
        });
      }
    }

    attack('F2 a conversation whose type the channel does not give counts as shared', async () => {
      const before = await counts.checkIns();
      const untyped = { conversation: { id: GROUP_CHAT_ID, tenantId: DEMO_TENANT_ID } };
      const answer = JSON.stringify(await bot.invoke(health, { verb: 'check-in', data: VERBS['check-in'].data() }, {}, untyped));
      expect(await counts.checkIns()).toBe(before);
      expect(answer).not.toMatch(caseDetail);
    });
  });

  describe('from the wrong person', () => {
    attack('check-in on an action someone else owns is refused and records nothing', async () => {
      const before = await counts.checkIns();
      const answer = JSON.stringify(await bot.invoke(police, { verb: 'check-in', data: VERBS['check-in'].data() }));
      expect(answer).toContain('Only the owner');
      expect(await counts.checkIns()).toBe(before);
    });

    attack('check-in whose card data names the owner’s member id is still the sender’s, and refused', async () => {
      const owner = (await bot.store.coreGroups.members(bot.coreGroupId)).find((member) => member.aadObjectId === health)!;
      const before = await counts.checkIns();
      await bot.invoke(police, { verb: 'check-in', data: { ...VERBS['check-in'].data(), memberId: owner.id, aadObjectId: health, tenantId: DEMO_TENANT_ID } });
      expect(await counts.checkIns()).toBe(before);
    });

    attack('check-in with another core group’s id and action is refused and records nothing', async () => {
      const { coreGroupId, actionId } = bot.sameTenantGroup;
      const answer = JSON.stringify(await bot.invoke(health, { verb: 'check-in', data: { coreGroupId, actionId, status: 'done', promptId: randomUUID() } }));
      expect(answer).not.toMatch(caseDetail);
      expect(await bot.store.checkIns.listByCoreGroup(coreGroupId)).toEqual([]);
    });

    attack('raise-concern by someone outside the group is refused and records nothing', async () => {
      const before = await counts.concerns();
      const answer = JSON.stringify(await bot.invoke(stranger, { verb: 'raise-concern', data: VERBS['raise-concern'].data() }));
      expect(answer).not.toMatch(caseDetail);
      expect(await counts.concerns()).toBe(before);
    });

    attack('raise-concern with another core group’s id is refused and records nothing', async () => {
      const { coreGroupId } = bot.sameTenantGroup;
      await bot.invoke(health, { verb: 'raise-concern', data: { ...VERBS['raise-concern'].data(), coreGroupId } });
      expect(await bot.store.concerns.listByCoreGroup(coreGroupId)).toEqual([]);
    });

    attack('book-slot by a member whose role may not schedule books nothing', async () => {
      const before = await counts.meetings();
      const answer = JSON.stringify(await bot.invoke(health, { verb: 'book-slot', data: { ...VERBS['book-slot'].data(), coreGroupId: bot.coreGroupId } }));
      expect(answer).not.toMatch(/meetup-join|Core group booked/);
      expect(await counts.meetings()).toBe(before);
    });

    attack('book-slot with another core group’s id books nothing there', async () => {
      const { coreGroupId } = bot.sameTenantGroup;
      await bot.invoke(lead, { verb: 'book-slot', data: { ...VERBS['book-slot'].data(), coreGroupId } });
      expect(await bot.store.meetings.listByCoreGroup(coreGroupId)).toEqual([]);
    });

    attack('create-core-group whose card data names another person and tenant makes the sender its creator, in the sender’s tenant', async () => {
      const data = { ...VERBS['create-core-group'].data(), aadObjectId: lead, tenantId: OTHER_TENANT_ID, creator: { aadObjectId: lead } };
      await bot.invoke(manager, { verb: 'create-core-group', data });
      const created = (await bot.store.coreGroups.listForMember(DEMO_TENANT_ID, manager)).find((group) => group.caseReference === data.caseReference)!;
      expect(created.tenantId).toBe(DEMO_TENANT_ID);
      const members = await bot.store.coreGroups.members(created.id);
      expect(members.map((member) => member.aadObjectId)).not.toContain(lead);
      expect(await bot.store.coreGroups.listForMember(OTHER_TENANT_ID, lead)).toEqual([]);
    });
  });

  describe('set-up disclosing a case', () => {
    attack('create-core-group pressed by someone the organisation has not given the CoreGroup.Create app role creates nothing and says who to ask', async () => {
      const data = VERBS['create-core-group'].data();
      const answer = JSON.stringify(await bot.invoke(health, { verb: 'create-core-group', data: { ...data, membersText: 'lead social worker | children’s social care | Priya Shah | priya.shah@demo.example' } }));
      expect(answer).not.toContain('Core group set up');
      expect(answer).toContain('Core Group administrator');
      expect((await bot.store.coreGroups.listForMember(DEMO_TENANT_ID, health)).map((group) => group.caseReference)).not.toContain(data.caseReference);
      expect((await bot.store.coreGroups.listForMember(DEMO_TENANT_ID, lead)).map((group) => group.caseReference)).not.toContain(data.caseReference);
    });

    attack('create-core-group pressed twice with the same request answers the group it made, never that the case reference exists', async () => {
      const data = VERBS['create-core-group'].data();
      await bot.invoke(manager, { verb: 'create-core-group', data });
      const before = await counts.coreGroups();
      const again = JSON.stringify(await bot.invoke(manager, { verb: 'create-core-group', data }));
      expect(again).toContain(`Core group set up — case ${data.caseReference}`);
      expect(again).not.toMatch(/already exists/i);
      expect(await counts.coreGroups()).toBe(before);
    });

    attack('create-core-group with a case reference held by a group the caller is not in is refused in words that do not say it exists', async () => {
      const held = VERBS['create-core-group'].data();
      await bot.invoke(manager, { verb: 'create-core-group', data: held });
      const answer = JSON.stringify(await bot.invoke(lead, { verb: 'create-core-group', data: { ...held, requestId: randomUUID(), creatorRole: 'lead-social-worker' } }));
      expect(answer).toContain('cannot be used for a new core group');
      expect(answer).not.toMatch(/already exists|already in the core group/i);
      const free = JSON.stringify(await bot.invoke(lead, { verb: 'create-core-group', data: { ...held, requestId: randomUUID(), caseReference: 'CP-NEVER-USED', childName: '' } }));
      expect(free).not.toContain('cannot be used for a new core group');
    });
  });

  describe('from another tenant', () => {
    // The other tenant's user carries the very object id of the demo member: only the tenant differs.
    const fromOtherTenant = { tenantId: OTHER_TENANT_ID };

    attack('check-in on a demo action by another tenant’s user with the owner’s object id records nothing', async () => {
      const before = await counts.checkIns();
      const answer = JSON.stringify(await bot.invoke(health, { verb: 'check-in', data: VERBS['check-in'].data() }, fromOtherTenant));
      expect(answer).not.toMatch(caseDetail);
      expect(await counts.checkIns()).toBe(before);
    });

    attack('raise-concern on a demo group from another tenant records nothing', async () => {
      const before = await counts.concerns();
      await bot.invoke(health, { verb: 'raise-concern', data: VERBS['raise-concern'].data() }, fromOtherTenant);
      expect(await counts.concerns()).toBe(before);
    });

    attack('book-slot on a demo group from another tenant books nothing', async () => {
      const before = await counts.meetings();
      await bot.invoke(lead, { verb: 'book-slot', data: VERBS['book-slot'].data() }, fromOtherTenant);
      expect(await counts.meetings()).toBe(before);
    });

    attack('a demo member checking in on the other tenant’s group (same object id as its lead) records nothing', async () => {
      const { coreGroupId, actionId } = bot.otherTenantGroup;
      await bot.invoke(health, { verb: 'check-in', data: { coreGroupId, actionId, status: 'done', promptId: randomUUID() } });
      expect(await bot.store.checkIns.listByCoreGroup(coreGroupId)).toEqual([]);
    });

    attack('create-core-group from another tenant with a demo case reference creates in that tenant only, leaving the demo group alone', async () => {
      const data = { ...VERBS['create-core-group'].data(), caseReference: 'DEMO-0001' };
      const demoBefore = await bot.store.coreGroups.members(bot.coreGroupId);
      await bot.invoke(manager, { verb: 'create-core-group', data }, fromOtherTenant);
      expect(await bot.store.coreGroups.members(bot.coreGroupId)).toEqual(demoBefore);
      const created = await bot.store.coreGroups.listForMember(OTHER_TENANT_ID, manager);
      expect(created.map((group) => [group.caseReference, group.tenantId])).toEqual([['DEMO-0001', OTHER_TENANT_ID]]);
    });
  });

  describe('replayed', () => {
    for (const verb of verbs) {
      attack(`${verb} delivered twice with the same activity id takes effect once`, async () => {
        const { presser, data, recorded } = VERBS[verb];
        const before = await recorded();
        const press = { verb, data: data() };
        const id = randomUUID();
        await bot.invoke(presser, press, {}, { id });
        await bot.invoke(presser, press, {}, { id });
        expect(await recorded()).toBe(before + 1);
      }, 20_000);
    }
  });

  describe('the check-in note', () => {
    const pressWithNote = async (note: string) => {
      const data = { ...VERBS['check-in'].data(), 'note-action-visits': note };
      return JSON.stringify(await bot.invoke(health, { verb: 'check-in', data }));
    };
    const notesStored = async () => (await bot.store.checkIns.listByCoreGroup(bot.coreGroupId)).map((checkIn) => checkIn.note);

    attack('F10 a 20,000-character check-in note is refused with a clear message, not stored cut', async () => {
      const before = await counts.checkIns();
      expect(await pressWithNote('x'.repeat(20_000))).toContain('at most 500 characters');
      expect(await counts.checkIns()).toBe(before);
    });

    attack('F10 a check-in note with an emoji across its 500th UTF-16 unit is stored whole, never ending in half an emoji', async () => {
      const note = `${'x'.repeat(499)}😀`;
      await pressWithNote(note);
      const stored = await notesStored();
      expect(stored.filter((text) => /\p{Cs}/u.test(text))).toEqual([]);
      expect(stored).toContain(note);
    });

    attack('F10 a check-in note carrying a lone surrogate is refused', async () => {
      const before = await counts.checkIns();
      expect(await pressWithNote('Visited \ud83d on Tuesday')).toContain('Nothing was recorded');
      expect(await counts.checkIns()).toBe(before);
    });

    attack('a check-in note carrying a NUL character is refused', async () => {
      const before = await counts.checkIns();
      await pressWithNote('Visited\u0000 on Tuesday');
      expect(await counts.checkIns()).toBe(before);
    });

    attack('a check-in note that is not text is refused, not stored as “[object Object]”', async () => {
      const before = await counts.checkIns();
      await bot.invoke(health, { verb: 'check-in', data: { ...VERBS['check-in'].data(), 'note-action-visits': { text: 'x' } } });
      expect(await counts.checkIns()).toBe(before);
    });

    test('a note of 500 characters, emoji among them, is stored whole; one more is refused', async () => {
      const note = `${'😀'.repeat(200)}${'x'.repeat(300)}`;
      await pressWithNote(note);
      expect(await notesStored()).toContain(note);
      expect(await pressWithNote(`${note}x`)).toContain('at most 500 characters');
    });
  });
});
