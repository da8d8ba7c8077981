import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { CoreGroup, CoreGroupMember, MemberRole } from '../../src/domain/core-group';
import { type Minutes, amendMinutes, emptyMinutesContent, signMinutes } from '../../src/domain/minutes';
import { type ChildProtectionPlan, revisePlan } from '../../src/domain/plan';
import { createRecordRenderer } from '../../src/export/record-renderer';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import type { DocumentLanguage } from '../../src/i18n/language';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createConferencePack } from '../../src/services/conference-pack/conference-pack.service';
import { createCp9Record } from '../../src/services/cp9-record';
import { createFamilyVersions } from '../../src/services/family-version.service';
import { disagreementConcernId } from '../../src/services/minutes/escalate-disagreements';
import { createConferencePackNotices } from '../../src/services/notifications/conference-pack-notices.service';
import { createCp9Mail } from '../../src/services/notifications/cp9-mail.service';
import { createMinutesDelivery } from '../../src/services/notifications/minutes-delivery.service';
import { createPlanDelivery } from '../../src/services/notifications/plan-delivery.service';
import type { Mailer } from '../../src/services/ports/mailer.port';
import type { RecordRenderer } from '../../src/services/ports/record-renderer.port';
import { createRecordExport } from '../../src/services/record-export.service';
import { createRecordPack } from '../../src/services/record-pack.service';
import { createTeamView } from '../../src/services/team-view.service';
import { type Store, createStore } from '../../src/store/store';
import { type TestDatabase, migratedDatabase } from '../support/databases';
import { docxProperties, docxText, pdfText } from '../support/documents';
import { englishCatalogueTextInDocument } from '../support/english-left';
import { TENANT } from '../support/fixtures';
import { recordingNotifier } from '../services/notifications/recording-notifier';

/**
 * Every document Core Group makes for a core group that writes in Welsh — the records (minutes,
 * the plan, the record pack, the CP9, the family's, the conference pack), the team's CSV and the
 * e-mails that carry them — read back from the file, with no English catalogue words left in it;
 * for a group that writes in both languages, its Welsh part. One case with something in every
 * part of every record, each document made once.
 */

const TODAY = Temporal.PlainDate.from('2026-08-10');
const clock = { nowIso: () => '2026-08-10T09:00:00.000Z', today: () => TODAY };
const day = (text: string) => Temporal.PlainDate.from(text);
const calendars = loadWorkingDayCalendars();
const policies = loadPolicyCatalogue();
const POLICY = 'wales';

/** What people wrote: in Welsh, as a Welsh-speaking group writes it; set aside by the check, since it is theirs. */
const written: string[] = [];
const wrote = <T extends string>(text: T): T => {
  written.push(text);
  return text;
};

const person = (role: MemberRole, name: string, agency: string, reach: CoreGroupMember['reach'] = 'tenant'): CoreGroupMember => ({
  id: randomUUID(),
  displayName: wrote(name),
  role,
  agency: wrote(agency),
  email: `${randomUUID().slice(0, 8)}@cyngor.example`,
  aadObjectId: reach === 'email-only' ? undefined : randomUUID(),
  reach,
  active: true,
});

const people = {
  lead: person('lead-social-worker', 'Gwenllian ap Dafydd', 'Gwasanaethau Plant'),
  manager: person('team-manager', 'Huw Llywelyn', 'Gwasanaethau Plant'),
  chair: person('conference-chair', 'Eirlys Rowlands', 'Uned Ddiogelu'),
  health: person('professional', 'Siân Tŷ-Newydd', 'Ymwelwyr Iechyd'),
  school: person('professional', 'Rhodri Puw', 'Ysgol Gynradd Bryn Ŵyr'),
  police: person('professional', 'Elin Morgan', 'Heddlu Dyfed-Powys'),
  former: person('professional', 'Dewi Prys', 'Tai Ceredigion'),
  parent: person('family-member', 'Nia Jones', 'Teulu', 'email-only'),
};

/** Invented: the child's name must appear in no document. */
const coreGroup: CoreGroup = { id: randomUUID(), caseReference: 'CP/2026/0311', childName: 'Plentyn Dychmygol', tenantId: TENANT, policyId: POLICY, icpcDate: day('2026-06-01'), createdAt: '2026-06-01T14:00:00.000Z' };
const as = (member: CoreGroupMember) => ({ tenantId: TENANT, aadObjectId: member.aadObjectId! });

/** The plan at the ICPC: two outcomes, actions for each agency (one under no outcome), then revised at the second meeting. */
function planAtIcpc(): ChildProtectionPlan {
  const action = (id: string, fields: { outcomeId?: string; what: string; owner: CoreGroupMember; due: string; state: ChildProtectionPlan['actions'][number]['state']; seen?: string; measure: string }) => ({
    id,
    outcomeId: fields.outcomeId,
    what: wrote(fields.what),
    ownerMemberId: fields.owner.id,
    agency: fields.owner.agency,
    due: day(fields.due),
    agreedOn: day('2026-06-01'),
    childSeenFrequency: fields.seen === undefined ? undefined : wrote(fields.seen),
    progressMeasure: wrote(fields.measure),
    state: fields.state,
  });
  return {
    coreGroupId: coreGroup.id,
    version: 1,
    outcomes: [
      { id: 'o-cartref', text: wrote('Mae’r plentyn yn byw mewn cartref diogel, cynnes heb drais') },
      { id: 'o-ysgol', text: wrote('Mae’r plentyn yn mynd i’r ysgol bob dydd yn barod i ddysgu') },
    ],
    actions: [
      action('a-ymweld', { outcomeId: 'o-cartref', what: 'Ymweld bob wythnos a gwirio amodau’r cartref', owner: people.health, due: '2026-07-01', state: 'not-started', seen: 'bob wythnos', measure: 'Rhestr wirio’r cartref ym mhob ymweliad' }),
      action('a-presenoldeb', { outcomeId: 'o-ysgol', what: 'Adrodd ar bresenoldeb bob dydd Gwener', owner: people.school, due: '2026-07-20', state: 'not-started', measure: 'Presenoldeb dros 95% am bedair wythnos' }),
      action('a-cynllun-diogelwch', { outcomeId: 'o-cartref', what: 'Cytuno cynllun diogelwch ysgrifenedig gyda’r teulu', owner: people.lead, due: '2026-06-19', state: 'in-progress', seen: 'bob pythefnos, unwaith ar ei ben ei hun', measure: 'Cynllun wedi’i lofnodi a’i rannu' }),
      action('a-galwadau', { outcomeId: 'o-cartref', what: 'Rhannu unrhyw alwad i’r cyfeiriad o fewn diwrnod gwaith', owner: people.police, due: '2026-09-01', state: 'not-started', measure: 'Galwadau wedi’u rhannu o fewn diwrnod' }),
      action('a-tai', { what: 'Asesu’r teulu am symud ar frys', owner: people.former, due: '2026-07-03', state: 'in-progress', measure: 'Band blaenoriaeth wedi’i benderfynu' }),
      action('a-cwnsela', { outcomeId: 'o-cartref', what: 'Cynnig cwnsela i’r rhiant', owner: people.lead, due: '2026-06-30', state: 'not-started', measure: 'Sesiwn gyntaf wedi’i chynnal' }),
    ],
    contingencyPlan: wrote('Os na chytunir ar y cynllun diogelwch, mae’r gweithiwr cymdeithasol yn galw trafodaeth strategaeth yr un diwrnod.'),
    resources: wrote('Gweithiwr cymorth i’r teulu ddwywaith yr wythnos.'),
    monitoring: wrote('Ymweliadau bob pythefnos; pob asiantaeth yn adrodd ym mhob grŵp craidd.'),
  };
}

const signed = (minutes: Minutes, on: string): Minutes => ({
  ...signMinutes(signMinutes(minutes, { as: 'chair', memberId: people.chair.id, at: `${on}T15:00:00.000Z` }), { as: 'team-manager', memberId: people.manager.id, at: `${on}T16:00:00.000Z` }),
  version: minutes.version + 1,
});

/** The second meeting's minutes: every part written, everyone's way of taking part, a significant disagreement. */
function fullMinutes(meetingId: string): Minutes {
  const content = {
    ...emptyMinutesContent(Object.values(people)),
    attendance: [
      { memberId: people.lead.id, attendance: 'present' as const },
      { memberId: people.chair.id, attendance: 'present' as const },
      { memberId: people.health.id, attendance: 'representative-sent' as const, representativeName: wrote('Mererid Owen') },
      { memberId: people.school.id, attendance: 'written-report' as const },
      { memberId: people.police.id, attendance: 'apologies' as const },
      { memberId: people.former.id, attendance: 'present' as const },
      { memberId: people.parent.id, attendance: 'present' as const },
      { memberId: people.manager.id, attendance: 'absent' as const },
    ],
    otherAttendees: [{ name: wrote('Gareth Bowen'), relationship: wrote('cyfieithydd'), organisation: wrote('Gwasanaeth Cyfieithu') }, { name: wrote('Mair Jones'), relationship: wrote('mam-gu'), organisation: '' }],
    allAgenciesPresent: { discussed: true, note: wrote('Roedd pob asiantaeth â cham gweithredu yno neu wedi anfon adroddiad.') },
    actionUpdates: [
      { actionId: 'a-ymweld', agency: people.health.agency, update: wrote('Tri ymweliad; roedd y tŷ yn gynnes.') },
      { actionId: 'a-galwadau', agency: people.police.agency, update: wrote('Dim galwadau ers y gynhadledd.') },
    ],
    agencyUpdates: [{ agency: people.school.agency, update: wrote('Mae’r plentyn yn cyrraedd yn brydlon y rhan fwyaf o ddyddiau.') }],
    writtenReports: [{ memberId: people.school.id, summary: wrote('Presenoldeb wedi codi i 92%.') }],
    childSeen: { seen: 'yes' as const, seenAlone: 'no' as const, lastSeenOn: day('2026-07-08'), seenBy: wrote('y gweithiwr cymdeithasol'), note: wrote('Gwelwyd gartref gyda’i fam.') },
    childsVoice: wrote('Dywedodd fod y tŷ yn dawelach a’i bod yn hoffi clwb brecwast.'),
    signsOfSafety: {
      worries: wrote('Dadleuon gyda’r nos; colli apwyntiadau iechyd.'),
      workingWell: wrote('Mae’r fam yn agored gyda’r gweithwyr.'),
      needsToHappen: wrote('Trefn y bore a gwiriad iechyd.'),
      scaling: [{ memberId: people.lead.id, score: 4 }, { memberId: people.former.id, score: 5 }],
    },
    decisions: [wrote('Mae’r cynllun yn parhau fel y’i diwygiwyd.'), wrote('Bydd yr ysgol yn anfon adroddiad os na all ddod.')],
    newActions: [{ what: wrote('Trefnu gwiriad iechyd'), ownerMemberId: people.health.id, agency: people.health.agency, due: day('2026-07-31'), progressMeasure: wrote('Gwiriad wedi’i gynnal a’i rannu'), outcomeId: 'o-cartref' }],
    disagreements: [{ text: wrote('Mae’r ysgol yn credu nad yw’r cynllun yn ddigon cryf.'), significant: true }, { text: wrote('Amseroedd yr ymweliadau.'), significant: false }],
    contingencyReview: wrote('Darllenwyd y cynllun wrth gefn a chytunwyd arno.'),
    reviewRecommendation: { outcome: 'continue-with-changes' as const, reasons: wrote('Mae cynnydd, ond dim ond ers chwe wythnos.') },
    nextMeetingDate: day('2026-08-21'),
    sharing: { withFamily: true, withChild: false, withheldReason: wrote('Mae’r plentyn yn rhy ifanc i ddarllen y cofnodion.') },
  };
  return { id: randomUUID(), meetingId, coreGroupId: coreGroup.id, version: 1, content };
}

/** The case: a late first meeting, then a full one whose minutes were amended and signed again, one cancelled, one in draft; check-ins, concerns, a review ahead with reports in. */
async function arrangeTheCase(store: Store, language: DocumentLanguage) {
  await store.coreGroups.create(coreGroup, Object.values(people));
  await store.coreGroups.updateMember(coreGroup.id, { ...people.former, active: false });
  await store.documentLanguages.choose({ coreGroupId: coreGroup.id, language, memberId: people.lead.id, at: '2026-06-01T15:00:00.000Z' });

  const first = planAtIcpc();
  await store.plans.saveRevision({ plan: first, authorMemberId: people.lead.id, reason: wrote('Cynllun y gynhadledd gychwynnol'), changes: [] }, '2026-06-01T16:00:00.000Z');
  const { coreGroupId: _id, version: _version, ...rest } = first;
  const revised = revisePlan({
    current: first,
    next: {
      ...rest,
      outcomes: [...first.outcomes, { id: 'o-iechyd', text: wrote('Mae anghenion iechyd y plentyn yn cael eu diwallu') }],
      actions: first.actions.map((action) => (action.id === 'a-presenoldeb' ? { ...action, due: day('2026-07-31'), state: 'at-risk' as const } : action.id === 'a-cwnsela' ? { ...action, state: 'dropped' as const } : action)),
      contingencyPlan: wrote('Cyfarfod cynllunio cyfreithiol os na fydd cynnydd erbyn mis Medi.'),
    },
    authorMemberId: people.manager.id,
    reason: wrote('Adolygwyd yn y grŵp craidd'),
  });
  await store.plans.saveRevision(revised, '2026-07-10T15:00:00.000Z');

  const checkIn = async (actionId: string, owner: CoreGroupMember, status: 'on-track' | 'at-risk' | 'done' | 'blocked', note: string, on: string) =>
    store.checkIns.record({ id: randomUUID(), coreGroupId: coreGroup.id, actionId, memberId: owner.id, status, note: wrote(note), recordedAt: `${on}T11:00:00.000Z` }, randomUUID());
  await checkIn('a-ymweld', people.health, 'on-track', 'Tri ymweliad hyd yma.', '2026-07-06');
  await checkIn('a-cynllun-diogelwch', people.lead, 'done', 'Cynllun wedi’i lofnodi.', '2026-06-18');
  await checkIn('a-tai', people.former, 'blocked', 'Aros am banel tai.', '2026-07-01');

  const meeting = async (date: string, fields: { status: 'held' | 'cancelled'; cancellationReason?: string }) => {
    const id = randomUUID();
    await store.meetings.create({ id, coreGroupId: coreGroup.id, date: day(date), startsAt: `${date}T09:00:00.000Z`, endsAt: `${date}T10:00:00.000Z`, status: fields.status, chairMemberId: people.chair.id, minuteTakerMemberId: people.lead.id, cancellationReason: fields.cancellationReason });
    return id;
  };
  const save = async (minutes: Minutes, expectedVersion: number) => store.minutes.save(minutes, { expectedVersion, savedBy: people.lead.id, at: clock.nowIso() });

  // Ten working days from the ICPC was 15 June: the first meeting was late. Its signed minutes have an amendment not yet signed.
  const lateMeeting = await meeting('2026-06-17', { status: 'held' });
  const lateMinutes = { ...fullMinutes(lateMeeting), id: randomUUID() };
  await store.minutes.createDraft(lateMinutes, people.lead.id, clock.nowIso());
  const lateSigned = signed(lateMinutes, '2026-06-18');
  await save(lateSigned, 1);
  await save(amendMinutes(lateSigned, wrote('Roedd ymweliad yr ysgol ar ddiwrnod arall.')), lateSigned.version);

  // The second: every part written, amended after signing and signed again (the amended edition).
  const meetingId = await meeting('2026-07-10', { status: 'held' });
  const draft = fullMinutes(meetingId);
  await store.minutes.createDraft(draft, people.lead.id, clock.nowIso());
  const firstSigned = signed(draft, '2026-07-13');
  await save(firstSigned, 1);
  const amended = amendMinutes(firstSigned, wrote('Cywirwyd dyddiad gweld y plentyn.'));
  await save(amended, firstSigned.version);
  const amendedSigned = signed(amended, '2026-07-14');
  await save(amendedSigned, amended.version);
  await store.concerns.raise({ id: disagreementConcernId(amendedSigned, 0), coreGroupId: coreGroup.id, kind: 'significant-disagreement', raisedByMemberId: people.school.id, step: 0, status: 'open', raisedAt: '2026-07-14T16:00:00.000Z', stepStartedAt: '2026-07-14T16:00:00.000Z' }, randomUUID());
  await store.concerns.raise({ id: randomUUID(), coreGroupId: coreGroup.id, kind: 'increased-risk', raisedByMemberId: people.health.id, step: 1, status: 'open', raisedAt: '2026-07-20T10:00:00.000Z', stepStartedAt: '2026-07-22T10:00:00.000Z', note: wrote('Clais newydd.') }, randomUUID());
  await store.concerns.raise({ id: randomUUID(), coreGroupId: coreGroup.id, kind: 'no-cooperation', raisedByMemberId: people.school.id, step: 0, status: 'resolved', raisedAt: '2026-06-25T10:00:00.000Z', stepStartedAt: '2026-06-25T10:00:00.000Z' }, randomUUID());

  await meeting('2026-07-24', { status: 'cancelled', cancellationReason: wrote('Roedd y cadeirydd yn sâl.') });
  const draftMeeting = await meeting('2026-08-07', { status: 'held' });
  await store.minutes.createDraft({ ...fullMinutes(draftMeeting), id: randomUUID() }, people.lead.id, clock.nowIso());

  const reviewConferenceId = randomUUID();
  await store.meetings.recordReviewConference({ id: randomUUID(), coreGroupId: coreGroup.id, date: day('2026-08-06'), status: 'cancelled' });
  await store.meetings.recordReviewConference({ id: reviewConferenceId, coreGroupId: coreGroup.id, date: day('2026-08-27'), status: 'scheduled' });
  const report = {
    id: randomUUID(),
    coreGroupId: coreGroup.id,
    reviewConferenceId,
    memberId: people.health.id,
    agency: people.health.agency,
    version: 1,
    updatedAt: '2026-08-07T10:00:00.000Z',
    content: {
      worries: wrote('Colli pwysau dros y gaeaf.'),
      workingWell: wrote('Mae’r fam yn cadw pob apwyntiad.'),
      needsToHappen: wrote('Pwyso bob mis.'),
      scaling: 6,
      scalingReasons: wrote('Cynnydd go iawn.'),
      childsViews: wrote('Mae’n chwarae’n dda yn ystod ymweliadau.'),
      actionProgress: [{ actionId: 'a-ymweld', progress: wrote('Pwyso bob mis; yn ôl ar y 25ain canradd.') }, { actionId: 'a-hen', progress: wrote('Wedi’i gwblhau cyn y newid.') }],
    },
  };
  await store.agencyReports.start(report);
  await store.agencyReports.submit({ ...report, submittedAt: '2026-08-07T10:00:00.000Z' }, day('2026-08-07'));
  await store.agencyReports.start({ ...report, id: randomUUID(), memberId: people.school.id, agency: people.school.agency, content: { ...report.content, actionProgress: [] } });
  await store.filedDocuments.file(
    {
      id: randomUUID(),
      coreGroupId: coreGroup.id,
      kind: 'agency-report',
      reviewConferenceId,
      agency: people.police.agency,
      filedByMemberId: people.lead.id,
      subject: wrote('Adroddiad yr heddlu ar gyfer y gynhadledd'),
      sender: wrote('Elin Morgan <elin.morgan@heddlu.example>'),
      receivedAt: '2026-08-05T09:00:00.000Z',
      body: wrote('Gweler yr adroddiad sydd ynghlwm.'),
      filedAt: '2026-08-05T11:00:00.000Z',
      attachments: [{ id: randomUUID(), name: wrote('adroddiad-heddlu.pdf'), type: 'pdf', size: 20480 }],
    },
    [Buffer.from('%PDF-1.7')],
  );
  return { meetingId, reviewConferenceId };
}

const citationsIn = (value: unknown): string[] =>
  typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([key, inner]) => (key === 'citation' && typeof inner === 'string' ? [inner] : citationsIn(inner))) : [];
/** The profile's own words (its name and each rule's citation): the area's, printed as the profile holds them. */
const PROFILE_WORDS = [policies.get(POLICY).name, ...citationsIn(policies.get(POLICY).rules)];

/** What a reader gets of one document: a record's or the CSV's text (a file's properties too), or an e-mail's subject and body. */
type Made = { readonly kind: 'record' | 'table'; readonly text: string } | { readonly kind: 'mail'; readonly subject: string; readonly bodyText: string };

/** The documents of the case, by name, each made when asked for. */
async function theDocuments(store: Store, language: DocumentLanguage): Promise<Record<string, () => Promise<Made>>> {
  const { meetingId, reviewConferenceId } = await arrangeTheCase(store, language);
  const renderer = createRecordRenderer({ protectiveMarking: 'OFFICIAL-SENSITIVE' });
  const deps = { ...store, calendars, policy: (id: string) => policies.get(id), clock, renderer };
  const exports = createRecordExport(deps);
  const familyVersions = createFamilyVersions(deps);
  const prepared = await familyVersions.view({ caller: as(people.lead), meetingId });
  const reviewed = await familyVersions.review({ caller: as(people.lead), meetingId, review: { basedOnVersion: prepared.current.version, summary: wrote('Cyfarfu’r grŵp a chytuno bod y cynllun yn parhau gyda newidiadau.'), items: [] } });
  await familyVersions.signOff({ caller: as(people.lead), meetingId, version: reviewed.current.version });

  const read = async (file: Promise<{ file: Buffer }>, format: 'pdf' | 'docx'): Promise<Made> => {
    const bytes = (await file).file;
    const shown = format === 'pdf' ? await pdfText(bytes).then(({ text, properties }) => [text, properties.title, properties.subject]) : [await docxText(bytes), ...Object.values(await docxProperties(bytes))];
    return { kind: 'record', text: shown.join('\n') };
  };

  // The e-mails that carry the records, to people reached by e-mail who chose no language; the records themselves are checked above, so here they are not rendered.
  const unrendered: RecordRenderer = { pdf: async () => Buffer.from('%PDF-1.7'), docx: async () => Buffer.from('PK') };
  const quietDeps = { ...deps, renderer: unrendered };
  const mailed = async (send: (mailer: Mailer) => Promise<void>): Promise<Made> => {
    const mails: Parameters<Mailer['sendMail']>[0][] = [];
    await send({ sendMail: async (mail) => void mails.push(mail) });
    const [mail] = mails;
    return { kind: 'mail', subject: mail?.subject ?? '', bodyText: mail?.bodyText ?? '' };
  };
  const byMail = (mailer: Mailer) => ({ notifier: recordingNotifier().notifier, mailer, organiserMailbox: 'cyfarfodydd@cyngor.example', languages: store.languages });
  const beyondTeams = { id: randomUUID(), attempts: 99 };
  const minutesJob = { tenantId: TENANT, meetingId, minutesId: randomUUID(), minutesVersion: 1, memberId: people.health.id };
  const minutesMail = (member: CoreGroupMember, familyVersion: boolean) =>
    mailed((mailer) =>
      createMinutesDelivery({
        ...byMail(mailer),
        distribution: { deliveryOf: async () => ({ member, caseReference: coreGroup.caseReference, meetingDate: '2026-07-10', chatId: undefined, familyVersion }), recordOutcome: async () => undefined },
        exports: createRecordExport(quietDeps),
        familyNotes: createFamilyVersions(quietDeps),
      }).deliver(minutesJob, beyondTeams),
    );
  const planMail = (member: CoreGroupMember) =>
    mailed((mailer) =>
      createPlanDelivery({ ...byMail(mailer), circulation: { deliveryOf: async () => ({ member, coreGroupId: coreGroup.id, caseReference: coreGroup.caseReference, meetingDate: '2026-07-10' }), recordOutcome: async () => undefined }, exports: createRecordExport(quietDeps) }).deliver(
        { tenantId: TENANT, meetingId, planVersion: 2, memberId: member.id, resent: false, attempt: 1 },
        beyondTeams,
      ),
    );
  const held = (await store.meetings.findById(meetingId))!;

  return {
    'signed minutes (PDF)': () => read(exports.minutes({ caller: as(people.lead), meetingId, format: 'pdf' }), 'pdf'),
    'signed minutes (DOCX)': () => read(exports.minutes({ caller: as(people.lead), meetingId, format: 'docx' }), 'docx'),
    'the plan (PDF)': () => read(exports.plan({ caller: as(people.lead), coreGroupId: coreGroup.id, format: 'pdf' }), 'pdf'),
    'the family’s plan (PDF)': () => read(exports.familyPlanFile(coreGroup.id), 'pdf'),
    'the record pack (PDF)': () => read(createRecordPack(deps).recordPack({ caller: as(people.lead), coreGroupId: coreGroup.id, format: 'pdf' }), 'pdf'),
    'the CP9 (PDF)': () => read(createCp9Record(deps).file(meetingId), 'pdf'),
    'the family version (PDF)': () => read(familyVersions.fileForDelivery(meetingId, 'pdf'), 'pdf'),
    'the conference pack (DOCX)': () => read(createConferencePack(deps).download({ caller: as(people.lead), coreGroupId: coreGroup.id, reviewConferenceId, format: 'docx' }), 'docx'),
    'the team’s CSV, asked for in Welsh': async () => {
      const { file } = await createTeamView({ ...deps, calendar: { occurrences: async () => [] } }).csv(as(people.manager), 'cy');
      return { kind: 'table', text: file.toString('utf8') };
    },
    'the minutes’ e-mail': () => minutesMail(people.health, false),
    'the family version’s e-mail': () => minutesMail(people.parent, true),
    'the plan’s e-mail': () => planMail(people.school),
    'the family’s plan e-mail': () => planMail(people.parent),
    'the CP9’s covering e-mail': () =>
      mailed((mailer) =>
        createCp9Mail({
          circulation: { cp9MailOf: async () => ({ meeting: held, caseReference: coreGroup.caseReference, from: undefined, to: 'cp9@cyngor.example' }), recordCp9Sent: async () => undefined },
          cp9: createCp9Record(quietDeps),
          mailer,
          organiserMailbox: 'cyfarfodydd@cyngor.example',
        }).send({ tenantId: TENANT, meetingId }),
      ),
    'the conference pack’s e-mail': () =>
      mailed((mailer) =>
        createConferencePackNotices({ ...byMail(mailer), ...store, clock, jobs: { enqueue: async () => ({ created: false }) as never }, conferencePacks: createConferencePack(quietDeps) }).deliver(
          { tenantId: TENANT, coreGroupId: coreGroup.id, reviewConferenceId, memberId: people.chair.id, reviewOn: '2026-08-27', forChair: true },
          beyondTeams,
        ),
      ),
  };
}

/** The case's documents, made once in the group's language: those named in `only`, or all. */
async function made(language: DocumentLanguage, only?: readonly string[]): Promise<{ database: TestDatabase; documents: Map<string, Made> }> {
  const database = await migratedDatabase('sqlite');
  const documents = await theDocuments(createStore(database), language);
  const names = only ?? Object.keys(documents);
  const texts = await Promise.all(names.map((name) => documents[name]!()));
  return { database, documents: new Map(names.map((name, index) => [name, texts[index]!])) };
}

const setAside = () => [...written, ...PROFILE_WORDS];
const allOf = (document: Made) => (document.kind === 'mail' ? `${document.subject}\n${document.bodyText}` : document.text);

/** Each document, and words its Welsh must hold: a document that came out empty, or not in Welsh, fails there before the check for English. */
const EVERY_DOCUMENT: readonly (readonly [string, string])[] = [
  ['signed minutes (PDF)', 'Cofnodion cyfarfod y grŵp craidd'],
  ['signed minutes (DOCX)', 'Cofnodion cyfarfod y grŵp craidd'],
  ['the plan (PDF)', 'Cynllun amddiffyn plant'],
  ['the family’s plan (PDF)', 'Cynllun amddiffyn plant — i'],
  ['the record pack (PDF)', 'Pecyn cofnod y grŵp craidd'],
  ['the CP9 (PDF)', 'Cyfarfod y grŵp craidd'],
  ['the family version (PDF)', 'Cyfarfu’r grŵp'],
  ['the conference pack (DOCX)', 'Pecyn y gynhadledd'],
  ['the team’s CSV, asked for in Welsh', 'Cyfeirnod yr achos'],
  ['the minutes’ e-mail', 'Cofnodion y grŵp craidd'],
  ['the family version’s e-mail', 'Nodiadau cyfarfod y grŵp craidd'],
  ['the plan’s e-mail', 'Cynllun amddiffyn plant'],
  ['the family’s plan e-mail', 'Cynllun amddiffyn plant'],
  ['the CP9’s covering e-mail', 'CP9 — achos'],
  ['the conference pack’s e-mail', 'Pecyn y gynhadledd'],
];

describe('every document for a group that writes in Welsh is in Welsh', () => {
  let documents: Map<string, Made>;
  let database: TestDatabase;
  beforeAll(async () => {
    ({ database, documents } = await made('cy'));
  }, 60_000);
  afterAll(() => database.drop());

  test.each(EVERY_DOCUMENT)('%s', (name, shows) => {
    const text = allOf(documents.get(name)!);
    expect(text.replace(/\s+/g, ' ')).toContain(shows);
    expect(text).not.toContain(coreGroup.childName);
    expect(englishCatalogueTextInDocument(text, setAside())).toEqual([]);
  });
});

/** Where a bilingual record's Welsh part starts and its English part starts (`record.furniture.part`). */
const PARTS = { welsh: 'Yn Gymraeg', english: 'In English' };
/** How a bilingual e-mail joins its languages (`coveringMail`). */
const SUBJECTS_JOINED = ' / ';
const BODIES_JOINED = '\n\n—\n\n';

/** A bilingual document's Welsh part: a record's Welsh section, up to the English one (none, unless both are there in that order); an e-mail's Welsh subject and body. */
function welshPartOf(document: Made): string {
  if (document.kind === 'mail') return `${document.subject.split(SUBJECTS_JOINED)[0]}\n${document.bodyText.split(BODIES_JOINED)[0]}`;
  const [welsh, english] = [document.text.indexOf(PARTS.welsh), document.text.indexOf(PARTS.english)];
  return welsh >= 0 && welsh < english ? document.text.slice(welsh, english) : '';
}

describe('for a group that writes in both languages, the Welsh part of each document is in Welsh', () => {
  const bilingual = ['signed minutes (PDF)', 'signed minutes (DOCX)', 'the CP9 (PDF)', 'the minutes’ e-mail', 'the family version’s e-mail', 'the family’s plan e-mail', 'the CP9’s covering e-mail', 'the conference pack’s e-mail'];
  let documents: Map<string, Made>;
  let database: TestDatabase;
  beforeAll(async () => {
    ({ database, documents } = await made('both', bilingual));
  }, 60_000);
  afterAll(() => database.drop());

  test.each(EVERY_DOCUMENT.filter(([name]) => bilingual.includes(name)))('%s', (name, shows) => {
    const document = documents.get(name)!;
    const whole = allOf(document);
    const welsh = welshPartOf(document);
    expect(whole.replace(/\s+/g, ' ')).toContain(shows);
    // Both languages, the Welsh first: a Welsh part, and as much again after it.
    expect(welsh.trim()).not.toBe('');
    expect(whole.length).toBeGreaterThan(welsh.length * 1.5);
    // The page furniture — the references and "Page n of m" — is printed in both languages on every page, by design.
    const english = englishCatalogueTextInDocument(welsh, setAside()).filter((found) => !found.startsWith('record.furniture.'));
    expect(english).toEqual([]);
  });
});
