import { randomUUID } from 'node:crypto';
import { parseCivilDate } from '../../src/domain/civil-date';
import type { CoreGroupMember } from '../../src/domain/core-group';
import { ForbiddenError, NotConfiguredError, RuleViolationError } from '../../src/domain/errors';
import { type Attendance, openingDraft, signMinutes } from '../../src/domain/minutes';
import { computeObligations } from '../../src/domain/obligations';
import { renderDocx } from '../../src/export/docx-renderer';
import { renderPdf } from '../../src/export/pdf-renderer';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { messageJobHandlers } from '../../src/jobs/job-handlers';
import { createJobRunner } from '../../src/jobs/job-runner';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createCp9Record } from '../../src/services/cp9-record';
import { createCp9Mail } from '../../src/services/notifications/cp9-mail.service';
import { wordsIn } from '../../src/i18n/words';
import { createPlanDelivery } from '../../src/services/notifications/plan-delivery.service';
import { createPlanNotReceivedNotices } from '../../src/services/notifications/plan-not-received-notices.service';
import { createPlanCirculation } from '../../src/services/plan-circulation.service';
import type { Clock } from '../../src/services/ports/clock.port';
import { MailError, type Mailer } from '../../src/services/ports/mailer.port';
import { createRecordExport } from '../../src/services/record-export.service';
import { pdfText } from '../support/documents';
import { TENANT, aCoreGroup, aPlan } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from '../store/each-engine';
import { recordingNotifier } from './notifications/recording-notifier';

const CP9_PROFILE = 'plan-in-five-working-days-cp9-in-seven-days';
const COORDINATOR = 'cp9.coordinator@council.example';
const catalogue = loadPolicyCatalogue();
const calendars = loadWorkingDayCalendars();
const as = (member: Pick<CoreGroupMember, 'aadObjectId'>) => ({ tenantId: TENANT, aadObjectId: member.aadObjectId! });
type SentMail = Parameters<Mailer['sendMail']>[0];

/**
 * Issue 13 item 2 through the services and the job runner, on each storage engine: the plan
 * circulated after a held core group (seed 001), a member's word that it did not arrive (seed
 * 003), and the CP9 to the co-ordinator where the profile has that rule.
 */
describeEachEngine('the plan’s circulation and the CP9', (engine) => {
  const context = useMigratedStore(engine);

  /**
   * A core group on `policyId` with a conference chair and a member added after the meeting; a core
   * group on Friday 12 June 2026, 09:00–10:00 UTC, held, its minutes listing who came and who was
   * invited but could not (signed when `signed`). Now is 11:00 that day.
   */
  const aHeldCoreGroup = async (options: { policyId?: string; signed?: boolean; status?: 'held' | 'scheduled'; mailbox?: string | undefined; refuseMail?: boolean } = {}) => {
    const { store } = context;
    // The suite shares one database: what earlier tests left queued is settled first, so each test's runner sends only its own.
    const settle = createJobRunner({ queue: store.jobs, handlers: messageJobHandlers({ plans: { deliver: async () => undefined }, planNotReceived: { notify: async () => undefined }, cp9: { send: async () => undefined } }), workerId: 'settle', clock: { nowIso: () => '2026-12-31T00:00:00.000Z' } });
    while ((await settle.runOnce()) > 0);
    let now = '2026-06-12T11:00:00.000Z';
    const clock: Clock = { nowIso: () => now, today: () => parseCivilDate(now.slice(0, 10)) };
    const group = aCoreGroup({ policyId: options.policyId ?? 'ten-working-days-four-weekly' });
    const iro: CoreGroupMember = { id: randomUUID(), displayName: 'Ira Chair', role: 'conference-chair', agency: 'safeguarding unit', email: 'ira.chair@example.org', aadObjectId: randomUUID(), reach: 'tenant', active: true };
    await store.coreGroups.create(group.coreGroup, [...group.members, iro]);
    await store.plans.saveRevision({ plan: aPlan(group.coreGroup.id, group.healthVisitor.id), authorMemberId: group.lead.id, reason: 'Outline plan from the ICPC', changes: [] }, now);
    const meetingId = randomUUID();
    const date = parseCivilDate('2026-06-12');
    await store.meetings.create({ id: meetingId, coreGroupId: group.coreGroup.id, date, status: options.status ?? 'held', startsAt: '2026-06-12T09:00:00.000Z', endsAt: '2026-06-12T10:00:00.000Z', chairMemberId: group.lead.id });
    const came: Record<string, Attendance> = { [group.lead.id]: 'present', [group.manager.id]: 'present', [group.healthVisitor.id]: 'apologies', [group.teacher.id]: 'absent', [group.parent.id]: 'present' };
    const draft = openingDraft({ id: randomUUID(), meeting: { id: meetingId, coreGroupId: group.coreGroup.id }, members: group.members });
    const minutes = { ...draft, content: { ...draft.content, attendance: draft.content.attendance.map((entry) => ({ ...entry, attendance: came[entry.memberId] ?? entry.attendance })), decisions: ['School to share attendance weekly'], sharing: { withFamily: false, withChild: false, withheldReason: 'A strategy discussion is under way' } } };
    await store.minutes.createDraft(minutes, group.lead.id, now);
    if (options.signed) {
      const signed = { ...signMinutes(signMinutes(minutes, { as: 'chair', memberId: group.lead.id, at: now }), { as: 'team-manager', memberId: group.manager.id, at: now }), version: 2 };
      await store.minutes.save(signed, { expectedVersion: 1, savedBy: group.manager.id, at: now });
    }
    // Joined after the meeting: neither present nor invited, so not sent this meeting's plan.
    const latecomer: CoreGroupMember = { id: randomUUID(), displayName: 'Lee Later', role: 'professional', agency: 'housing', email: 'lee@housing.example', aadObjectId: randomUUID(), reach: 'tenant', active: true };
    await store.coreGroups.addMember(group.coreGroup.id, latecomer);

    const deps = { ...store, clock, calendars, policy: (id: string) => catalogue.get(id), cp9CoordinatorMailbox: 'mailbox' in options ? options.mailbox : COORDINATOR };
    const circulation = createPlanCirculation(deps);
    const { notifier, sent, refuse } = recordingNotifier();
    const mails: SentMail[] = [];
    let refuseMail = options.refuseMail ?? false;
    const mailer: Mailer = {
      async sendMail(mail) {
        if (refuseMail) throw new MailError({ code: 'mail-refused', userMessage: 'The mail service refused to send the e-mail.', status: 403 });
        mails.push(mail);
      },
    };
    const exports = createRecordExport({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } });
    const cp9 = createCp9Record({ ...deps, renderer: { pdf: renderPdf } });
    const organiserMailbox = 'organiser@council.example';
    const handlers = messageJobHandlers({
      plans: createPlanDelivery({ circulation, exports, notifier, mailer, organiserMailbox }),
      planNotReceived: createPlanNotReceivedNotices({ ...store, notifier, mailer, clock, organiserMailbox }),
      cp9: createCp9Mail({ circulation, cp9, mailer, organiserMailbox }),
    });
    const runner = createJobRunner({ queue: store.jobs, handlers, workerId: 'test', clock });
    const drain = async () => {
      while ((await runner.runOnce()) > 0);
    };
    const obligation = async (kind: 'plan-circulation' | 'cp9') => {
      const timeline = await store.meetings.loadCaseTimeline(group.coreGroup.id);
      const profile = catalogue.get(group.coreGroup.policyId);
      return computeObligations({ profile, calendar: calendars['england-and-wales'], timeline, asOf: clock.today() }).find((candidate) => candidate.id === `${kind}-${meetingId}`);
    };
    return {
      ...group,
      store,
      iro,
      latecomer,
      meetingId,
      circulation,
      drain,
      sent,
      refuse,
      mails,
      obligation,
      refuseMailNow: (refusing: boolean) => {
        refuseMail = refusing;
      },
      setNow: (instant: string) => {
        now = instant;
      },
    };
  };

  test('everyone present, everyone invited who could not come and the conference chair get the plan, once; then the plan deadline is met', async () => {
    const { lead, manager, healthVisitor, teacher, iro, meetingId, circulation, drain, sent, obligation } = await aHeldCoreGroup();
    expect(await obligation('plan-circulation')).toMatchObject({ status: 'due', due: parseCivilDate('2026-06-19') });
    expect(await circulation.circulate(as(lead), meetingId)).toEqual({ queued: 5, recipients: 5 });
    expect(await circulation.circulate(as(manager), meetingId)).toEqual({ queued: 5, recipients: 5 });
    await drain();
    // The family was not to be shared with, and the member who joined after the meeting was not invited to it.
    expect(sent.map((notification) => notification.to).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      [lead, manager, healthVisitor, teacher, iro].map((member) => ({ kind: 'person', aadObjectId: member.aadObjectId })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    expect(sent[0]).toMatchObject({ summary: 'Core Group: the child protection plan has been circulated', message: { kind: 'plan-ready', meetingDate: '2026-06-12', planVersion: 1 } });
    expect(JSON.stringify(sent)).not.toContain('Invented Child');
    expect(await obligation('plan-circulation')).toMatchObject({ status: 'met', metOn: parseCivilDate('2026-06-12') });
    const view = await circulation.view(as(healthVisitor), meetingId);
    expect(view).toMatchObject({ planVersion: 1, circulatedOn: parseCivilDate('2026-06-12'), canCirculate: false, circulation: { status: 'met' } });
    expect(view.deliveries).toHaveLength(5);
    expect(view.cp9).toBeUndefined();
    expect(await circulation.circulate(as(lead), meetingId)).toEqual({ queued: 0, recipients: 5 });
  });

  test('refused before the meeting has taken place, and for a meeting not recorded as held; a professional may not circulate, the meeting’s chair may', async () => {
    const upcoming = await aHeldCoreGroup({ status: 'scheduled' });
    upcoming.setNow('2026-06-11T11:00:00.000Z');
    await expect(upcoming.circulation.circulate(as(upcoming.lead), upcoming.meetingId)).rejects.toThrow(new RuleViolationError('The meeting starts on Fri 12 Jun 2026, 10:00; the plan can be circulated once it has taken place.'));
    upcoming.setNow('2026-06-12T11:00:00.000Z');
    await expect(upcoming.circulation.circulate(as(upcoming.lead), upcoming.meetingId)).rejects.toThrow('The plan is circulated once the meeting is recorded as held.');
    expect((await upcoming.circulation.view(as(upcoming.lead), upcoming.meetingId)).canCirculate).toBe(false);

    const held = await aHeldCoreGroup();
    await expect(held.circulation.circulate(as(held.healthVisitor), held.meetingId)).rejects.toThrow(ForbiddenError);
    await context.store.meetings.update({ ...(await context.store.meetings.findById(held.meetingId))!, chairMemberId: held.teacher.id });
    expect(await held.circulation.circulate(as(held.teacher), held.meetingId)).toMatchObject({ queued: 5 });
  });

  test('someone Teams cannot reach gets the plan PDF by e-mail; someone reachable neither way is a failed delivery, tried again when circulated again', async () => {
    const { store } = context;
    const { coreGroup, lead, teacher, meetingId, circulation, drain, refuse, mails, obligation } = await aHeldCoreGroup();
    await store.coreGroups.updateMember(coreGroup.id, { ...teacher, reach: 'email-only', aadObjectId: undefined, email: undefined });
    await circulation.circulate(as(lead), meetingId);
    refuse(404);
    await drain();
    expect(mails).toEqual([expect.objectContaining({ from: lead.email, subject: expect.stringContaining(`Child protection plan — case ${coreGroup.caseReference}`), attachment: expect.objectContaining({ contentType: 'application/pdf' }) })]);
    expect((await pdfText(mails[0]!.attachment!.content)).text).toContain('The child lives in a safe, warm home');
    const view = await circulation.view(as(lead), meetingId);
    expect(view.deliveries.filter((delivery) => delivery.outcome === 'failed')).toEqual([expect.objectContaining({ memberId: teacher.id, channel: 'email', detail: 'no Teams chat and no e-mail address' })]);
    expect(await obligation('plan-circulation')).toMatchObject({ status: 'due' });

    await store.coreGroups.updateMember(coreGroup.id, { ...teacher, reach: 'email-only', aadObjectId: undefined, email: 'toby@school.example' });
    expect(await circulation.circulate(as(lead), meetingId)).toEqual({ queued: 1, recipients: 5 });
    await drain();
    expect(mails.map((mail) => mail.to)).toEqual([expect.any(String), 'toby@school.example']);
    expect(await obligation('plan-circulation')).toMatchObject({ status: 'met' });
  });

  test('an e-mail the mail service refuses is a failed delivery, not a lost job', async () => {
    const { store } = context;
    const { coreGroup, lead, teacher, meetingId, circulation, drain, refuseMailNow } = await aHeldCoreGroup({ refuseMail: true });
    await store.coreGroups.updateMember(coreGroup.id, { ...teacher, reach: 'email-only', aadObjectId: undefined });
    await circulation.circulate(as(lead), meetingId);
    await drain();
    expect((await circulation.view(as(lead), meetingId)).deliveries.filter((delivery) => delivery.outcome === 'failed')).toEqual([expect.objectContaining({ memberId: teacher.id, detail: 'the mail service refused it' })]);
    refuseMailNow(false);
    expect(await circulation.circulate(as(lead), meetingId)).toMatchObject({ queued: 1 });
    await drain();
    expect((await circulation.view(as(lead), meetingId)).circulatedOn).toEqual(parseCivilDate('2026-06-12'));
  });

  test('“I have not received the plan” tells the lead social worker (no child’s name) and sends it again, once per member and version', async () => {
    const { store } = context;
    const { coreGroup, lead, teacher, meetingId, circulation, drain, sent, setNow } = await aHeldCoreGroup();
    await circulation.circulate(as(lead), meetingId);
    await drain();
    sent.length = 0;
    setNow('2026-06-15T09:30:00.000Z');
    expect(await circulation.reportNotReceived(as(teacher), coreGroup.id)).toEqual({ outcome: 'told', resending: true });
    expect(await circulation.reportNotReceived(as(teacher), coreGroup.id)).toEqual({ outcome: 'unchanged', resending: true });
    await drain();
    expect(sent).toHaveLength(2);
    expect(sent).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ to: { kind: 'person', aadObjectId: teacher.aadObjectId }, message: expect.objectContaining({ kind: 'plan-ready' }) }),
        expect.objectContaining({
          to: { kind: 'person', aadObjectId: lead.aadObjectId },
          summary: 'Core Group: a member has not received the plan',
          message: { kind: 'plan-not-received', caseReference: coreGroup.caseReference, member: 'Toby Teacher (school)', meetingDate: '2026-06-12', resending: true },
        }),
      ]),
    );
    expect(JSON.stringify(sent)).not.toContain('Invented Child');
    const view = await circulation.view(as(teacher), meetingId);
    expect(view.notReceived).toEqual([{ meetingId, planVersion: 1, memberId: teacher.id, at: '2026-06-15T09:30:00.000Z' }]);
    expect(view.deliveries.filter((delivery) => delivery.memberId === teacher.id).map((delivery) => delivery.resent)).toEqual([false, true]);
    const audit = await store.auditLog.listByCoreGroup(coreGroup.id);
    expect(audit.filter((entry) => entry.action === 'report-plan-not-received').map((entry) => entry.actor)).toEqual([teacher.aadObjectId, teacher.aadObjectId]);
  });

  test('“I have not received the plan” before it was circulated tells the lead social worker only; before any meeting was held it is refused', async () => {
    const { coreGroup, teacher, circulation, drain, sent } = await aHeldCoreGroup();
    expect(await circulation.reportNotReceived(as(teacher), coreGroup.id)).toEqual({ outcome: 'told', resending: false });
    await drain();
    expect(sent.map((notification) => notification.message)).toEqual([expect.objectContaining({ kind: 'plan-not-received', resending: false })]);
    await expect(circulation.reportNotReceived({ tenantId: TENANT, aadObjectId: randomUUID() }, coreGroup.id)).rejects.toThrow('not a member');
    const early = await aHeldCoreGroup({ status: 'scheduled' });
    await expect(early.circulation.reportNotReceived(as(early.teacher), early.coreGroup.id)).rejects.toThrow(RuleViolationError);
  });

  test('CP9: a profile without the rule shows nothing of it and refuses to send one', async () => {
    const { lead, meetingId, circulation } = await aHeldCoreGroup({ signed: true });
    expect((await circulation.view(as(lead), meetingId)).cp9).toBeUndefined();
    await expect(circulation.sendCp9(as(lead), meetingId)).rejects.toThrow(/CP9 is not part of this area's procedures/);
  });

  test('CP9: once the minutes are signed, the record goes to the co-ordinator mailbox and is recorded as sent, which meets the CP9 deadline', async () => {
    const unsigned = await aHeldCoreGroup({ policyId: CP9_PROFILE });
    await expect(unsigned.circulation.sendCp9(as(unsigned.lead), unsigned.meetingId)).rejects.toThrow(/once the chair and the team manager have signed/);

    const { coreGroup, lead, manager, healthVisitor, meetingId, circulation, drain, mails, obligation } = await aHeldCoreGroup({ policyId: CP9_PROFILE, signed: true });
    expect(await obligation('cp9')).toMatchObject({ status: 'due', due: parseCivilDate('2026-06-19') });
    expect((await circulation.view(as(lead), meetingId)).cp9).toEqual({ deadline: { due: parseCivilDate('2026-06-19'), status: 'due' }, state: 'not-sent', sentOn: undefined, canSend: true });
    expect((await circulation.view(as(healthVisitor), meetingId)).cp9).toMatchObject({ canSend: false });
    await expect(circulation.sendCp9(as(healthVisitor), meetingId)).rejects.toThrow(ForbiddenError);
    expect(await circulation.sendCp9(as(lead), meetingId)).toEqual({ outcome: 'queued' });
    expect(await circulation.sendCp9(as(manager), meetingId)).toEqual({ outcome: 'already-queued' });
    await drain();
    expect(mails).toEqual([expect.objectContaining({ from: lead.email, to: COORDINATOR, subject: `CP9 — case ${coreGroup.caseReference}, core group meeting of Fri 12 Jun 2026` })]);
    const { text } = await pdfText(mails[0]!.attachment!.content);
    for (const fact of [coreGroup.caseReference, 'Alex Lead (children', 'apologies', 'The child lives in a safe, warm home', 'Weekly home visit', 'School to share attendance weekly']) expect(text).toContain(fact);
    expect(text).not.toContain('Invented Child');
    expect(await obligation('cp9')).toMatchObject({ status: 'met', metOn: parseCivilDate('2026-06-12') });
    expect((await circulation.view(as(lead), meetingId)).cp9).toMatchObject({ state: 'sent', sentOn: parseCivilDate('2026-06-12') });
    expect(await circulation.sendCp9(as(lead), meetingId)).toEqual({ outcome: 'already-sent' });
  });

  test('CP9 in the group’s document language: both, the Welsh first', async () => {
    const { lead, coreGroup, meetingId, circulation, drain, mails, store } = await aHeldCoreGroup({ policyId: CP9_PROFILE, signed: true });
    await store.documentLanguages.choose({ coreGroupId: coreGroup.id, language: 'both', memberId: lead.id, at: '2026-06-12T09:00:00.000Z' });
    await circulation.sendCp9(as(lead), meetingId);
    await drain();
    const text = (await pdfText(mails[0]!.attachment!.content)).text.replace(/\s+/g, ' ');
    expect(text).toContain('CP9 — cofnod y grŵp craidd ar gyfer y Cydlynydd, Gwasanaethau Plant / CP9 — core group record for the Co-ordinator, Children Services');
    expect(text.indexOf('Canlyniadau\'r cynllun amddiffyn plant')).toBeLessThan(text.indexOf('Outcomes of the child protection plan'));
    expect(text).toContain('Weekly home visit');
    // Its covering e-mail too: the Welsh first, then the English.
    const welshDate = wordsIn('cy').dates.date('2026-06-12');
    expect(welshDate).toMatch(/^Gwen\W+12 Meh 2026$/);
    expect(mails[0]!.subject).toBe(`CP9 — achos ${coreGroup.caseReference}, cyfarfod grŵp craidd ${welshDate} / CP9 — case ${coreGroup.caseReference}, core group meeting of Fri 12 Jun 2026`);
    const [welsh, english] = mails[0]!.bodyText.split('\n\n—\n\n');
    expect(welsh).toBe(`Mae cofnod CP9 cyfarfod y grŵp craidd ar ${welshDate} ar gyfer achos ${coreGroup.caseReference} wedi'i atodi. Mae'n cynnwys gwybodaeth gyfrinachol am blentyn: cadwch ef yn ddiogel.`);
    expect(english).toBe(`The CP9 record of the core group meeting of Fri 12 Jun 2026 for case ${coreGroup.caseReference} is attached. It contains confidential information about a child: keep it securely.`);
  });

  test('CP9 in Welsh: the record and its covering e-mail to the co-ordinator in Welsh only', async () => {
    const { lead, coreGroup, meetingId, circulation, drain, mails, store } = await aHeldCoreGroup({ policyId: CP9_PROFILE, signed: true });
    await store.documentLanguages.choose({ coreGroupId: coreGroup.id, language: 'cy', memberId: lead.id, at: '2026-06-12T09:00:00.000Z' });
    await circulation.sendCp9(as(lead), meetingId);
    await drain();
    const welshDate = wordsIn('cy').dates.date('2026-06-12');
    expect(mails).toEqual([expect.objectContaining({ to: COORDINATOR, subject: `CP9 — achos ${coreGroup.caseReference}, cyfarfod grŵp craidd ${welshDate}` })]);
    expect(mails[0]!.bodyText).toBe(`Mae cofnod CP9 cyfarfod y grŵp craidd ar ${welshDate} ar gyfer achos ${coreGroup.caseReference} wedi'i atodi. Mae'n cynnwys gwybodaeth gyfrinachol am blentyn: cadwch ef yn ddiogel.`);
    const text = (await pdfText(mails[0]!.attachment!.content)).text.replace(/\s+/g, ' ');
    expect(text).toContain('CP9 — cofnod y grŵp craidd ar gyfer y Cydlynydd, Gwasanaethau Plant');
    expect(text).not.toContain('Outcomes of the child protection plan');
  });

  test('CP9: a refused e-mail shows as failed and can be sent again; without a co-ordinator mailbox it is refused with what the administrator must set', async () => {
    const { lead, meetingId, circulation, drain, mails, refuseMailNow } = await aHeldCoreGroup({ policyId: CP9_PROFILE, signed: true, refuseMail: true });
    await circulation.sendCp9(as(lead), meetingId);
    await drain();
    expect((await circulation.view(as(lead), meetingId)).cp9).toMatchObject({ state: 'failed' });
    refuseMailNow(false);
    expect(await circulation.sendCp9(as(lead), meetingId)).toEqual({ outcome: 'queued' });
    expect(await circulation.sendCp9(as(lead), meetingId)).toEqual({ outcome: 'already-queued' });
    await drain();
    expect(mails).toHaveLength(1);
    expect((await circulation.view(as(lead), meetingId)).cp9).toMatchObject({ state: 'sent' });

    const unconfigured = await aHeldCoreGroup({ policyId: CP9_PROFILE, signed: true, mailbox: undefined });
    await expect(unconfigured.circulation.sendCp9(as(unconfigured.lead), unconfigured.meetingId)).rejects.toThrow(NotConfiguredError);
    await expect(unconfigured.circulation.sendCp9(as(unconfigured.lead), unconfigured.meetingId)).rejects.toThrow(/CP9_COORDINATOR_MAILBOX/);
  });
});
