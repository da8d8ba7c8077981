import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { ForbiddenError } from '../../src/domain/errors';
import { type Minutes, amendMinutes, editMinutes, openingDraft, signMinutes } from '../../src/domain/minutes';
import { revisePlan } from '../../src/domain/plan';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import type { RecordBlock, RecordDocument } from '../../src/services/ports/record-renderer.port';
import { createRecordPack } from '../../src/services/record-pack.service';
import { createStore } from '../../src/store/store';
import { type TestDatabase, migratedDatabase } from '../support/databases';
import { aCoreGroup, aPlan } from '../support/fixtures';

const clock = { nowIso: () => '2026-08-03T10:00:00.000Z', today: () => Temporal.PlainDate.from('2026-08-03') };
const date = (text: string) => Temporal.PlainDate.from(text);

/** The document's text, block by block: sections and headings as `# text`, tables row by row. */
const linesOf = (blocks: readonly RecordBlock[]) => blocks.flatMap((block) => (block.kind === 'table' ? [block.header, ...block.rows].map((row) => row.join(' | ')) : [block.kind === 'paragraph' ? block.text : `# ${block.text}`]));

describe('the record pack of a case', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await migratedDatabase('sqlite');
  });
  afterAll(() => database.drop());

  /** A case with a plan revised once and three held meetings: minutes signed, minutes signed then amended (unsigned), minutes never signed. */
  async function aCase() {
    const store = createStore(database);
    const { coreGroup, members, lead, manager, healthVisitor } = aCoreGroup({ icpcDate: date('2026-06-01') });
    await store.coreGroups.create(coreGroup, members);
    const first = aPlan(coreGroup.id, healthVisitor.id);
    await store.plans.saveRevision({ plan: first, authorMemberId: lead.id, reason: 'Agreed at the ICPC', changes: [] }, '2026-06-01T15:00:00.000Z');
    const second = revisePlan({ current: first, next: { ...first, contingencyPlan: 'Legal planning meeting if no progress by September' }, authorMemberId: manager.id, reason: 'Reviewed at the core group' });
    await store.plans.saveRevision(second, '2026-06-26T15:00:00.000Z');
    // Both signatures in one saved version (the sign-off service saves each as its own).
    const sign = (minutes: Minutes) => ({ ...signMinutes(signMinutes(minutes, { as: 'chair', memberId: lead.id, at: '2026-07-01T09:00:00.000Z' }), { as: 'team-manager', memberId: manager.id, at: '2026-07-01T10:00:00.000Z' }), version: minutes.version + 1 });
    const meeting = async (day: string, childsVoice: string, then: 'signed' | 'amended' | 'draft') => {
      const id = randomUUID();
      await store.meetings.create({ id, coreGroupId: coreGroup.id, date: date(day), status: 'held' });
      const draft = openingDraft({ id: randomUUID(), meeting: { id, coreGroupId: coreGroup.id }, members });
      await store.minutes.createDraft(draft, lead.id, clock.nowIso());
      const written = editMinutes(draft, { content: { ...draft.content, childsVoice }, basedOnVersion: draft.version });
      await store.minutes.save(written, { expectedVersion: draft.version, savedBy: lead.id, at: clock.nowIso() });
      if (then === 'draft') return;
      const signed = sign(written);
      await store.minutes.save(signed, { expectedVersion: written.version, savedBy: manager.id, at: clock.nowIso() });
      if (then === 'amended') await store.minutes.save(amendMinutes(signed, 'The school visit was on another day'), { expectedVersion: signed.version, savedBy: lead.id, at: clock.nowIso() });
    };
    // Recorded out of date order, as meetings often are.
    await meeting('2026-07-10', 'SECOND-MEETING-VOICE', 'amended');
    await meeting('2026-06-12', 'FIRST-MEETING-VOICE', 'signed');
    await meeting('2026-07-24', 'DRAFT-MEETING-VOICE', 'draft');
    let rendered: RecordDocument | undefined;
    const capture = async (document: RecordDocument) => {
      rendered = document;
      return Buffer.from('file');
    };
    const pack = createRecordPack({ ...store, clock, calendars: loadWorkingDayCalendars(), policy: (id) => loadPolicyCatalogue().get(id), renderer: { docx: capture, pdf: capture } });
    const as = (member: typeof lead) => ({ tenantId: coreGroup.tenantId, aadObjectId: member.aadObjectId! });
    return { coreGroup, lead, healthVisitor, pack, as, store, document: () => rendered! };
  }

  test('every signed minutes in date order — the last signed version where an amendment is not yet signed — and never a draft; each plan version; the plan continuing', async () => {
    const { coreGroup, lead, pack, as, document } = await aCase();
    const file = await pack.recordPack({ caller: as(lead), coreGroupId: coreGroup.id, format: 'docx' });
    expect(file.fileName).toBe(`core-group-record-pack-${coreGroup.caseReference}-2026-08-03.docx`);
    const lines = linesOf(document().blocks);
    const sections = lines.filter((line) => line.startsWith('# Minutes of'));
    expect(sections).toEqual(['# Minutes of the core group meeting of Fri 12 Jun 2026', '# Minutes of the core group meeting of Fri 10 Jul 2026']);
    expect(lines.indexOf('FIRST-MEETING-VOICE')).toBeLessThan(lines.indexOf('SECOND-MEETING-VOICE'));
    expect(lines.join('\n')).not.toContain('DRAFT-MEETING-VOICE');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Fri 12 Jun 2026 | held | signed (version 3)',
        'Fri 10 Jul 2026 | held | signed (version 3); amendment not yet signed',
        'Fri 24 Jul 2026 | held | not signed',
        '1 | Mon 1 Jun 2026 | Alex Lead (children\'s social care) | Agreed at the ICPC | —',
        '2 | Fri 26 Jun 2026 | Morgan Manager (children\'s social care) | Reviewed at the core group | Contingency plan changed',
        '# The child protection plan (version 2)',
        'The child protection plan continues; this record is as it stood on Mon 3 Aug 2026.',
      ]),
    );
    expect(lines.some((line) => /^First core group within 10 working days of the ICPC \| Mon 15 Jun 2026 \| Fri 12 Jun 2026 \| met on time \| /.test(line))).toBe(true);
    expect(JSON.stringify(document())).not.toContain(coreGroup.childName);
  });

  test('a professional member may not export the record pack, and nothing is rendered', async () => {
    const { coreGroup, healthVisitor, pack, as, document } = await aCase();
    await expect(pack.recordPack({ caller: as(healthVisitor), coreGroupId: coreGroup.id, format: 'pdf' })).rejects.toThrow(ForbiddenError);
    expect(document()).toBeUndefined();
  });

  test('in Welsh when the group writes its documents in Welsh: headings, the plan’s end, each meeting’s minutes and the deadlines with their rules, Welsh dates; user text and the profile’s sources as written', async () => {
    const { coreGroup, lead, pack, as, store, document } = await aCase();
    await store.documentLanguages.choose({ coreGroupId: coreGroup.id, language: 'cy', memberId: lead.id, at: clock.nowIso() });
    await pack.recordPack({ caller: as(lead), coreGroupId: coreGroup.id, format: 'pdf' });
    expect(document()).toMatchObject({ title: 'Pecyn cofnod y grŵp craidd', language: 'cy' });
    const lines = linesOf(document().blocks);
    expect(lines.filter((line) => line.startsWith('# Cofnodion'))).toEqual(['# Cofnodion cyfarfod y grŵp craidd ar Gwen, 12 Meh 2026', '# Cofnodion cyfarfod y grŵp craidd ar Gwen, 10 Gorff 2026']);
    expect(lines).toEqual(expect.arrayContaining(['# Terfynau amser', "Mae'r cynllun amddiffyn plant yn parhau; mae'r cofnod hwn fel yr oedd ar Llun, 3 Awst 2026.", 'FIRST-MEETING-VOICE']));
    expect(lines.some((line) => /^Y grŵp craidd cyntaf o fewn 10 diwrnod gwaith i'r gynhadledd amddiffyn plant gychwynnol \| Llun, 15 Meh 2026 \| Gwen, 12 Meh 2026 \| wedi'i fodloni mewn pryd \| /.test(line))).toBe(true);
    // The plan's change log in Welsh too: worded from what each version changed.
    expect(lines).toContain("2 | Gwen, 26 Meh 2026 | Morgan Manager (children's social care) | Reviewed at the core group | Y cynllun wrth gefn wedi'i newid");
    expect(lines.join('\n')).not.toMatch(/Core group members|Versions of the plan|met on time|Contingency plan changed|First core group within/);
  });
});
