import { randomUUID } from 'node:crypto';
import { parseCivilDate } from '../src/domain/civil-date';
import { type MinutesContent, emptyMinutesContent } from '../src/domain/minutes';
import type { Store } from '../src/store/store';
import { TENANT, aCoreGroup, aPlan } from '../test/support/fixtures';

const MEETINGS = 6;
const MINUTED_MEETINGS = 4;
const SAVES_PER_MINUTES = 10;
const PLAN_REVISIONS = 3;
const CHECK_INS = 30;
const AUDIT_ENTRIES = 250;

const WORDS = 'the home was warm tidy cold child seen alone said school better worse this term mother father partner visit health visitor teacher police call-out attendance late breakfast bedroom safety plan agreed refused worried about drinking argument neighbours reported quiet calm nursery appointment missed kept GP referral CAMHS housing repairs damp heating money food bank support worker sessions two week Friday Monday evening weekend grandmother stayed contact supervised'.split(' ');

/**
 * About a paragraph of what a practitioner types into a section (≈ 700 characters): invented
 * words in a deterministic order, so the text compresses like prose rather than like a repeated line.
 */
function paragraph(seed: number): string {
  let state = seed >>> 0;
  const words: string[] = [];
  for (let length = 0; length < 700; length += words.at(-1)!.length + 1) {
    // mulberry32: a small deterministic generator, good enough to pick words.
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    words.push(WORDS[((mixed ^ (mixed >>> 14)) >>> 0) % WORDS.length]!);
  }
  return `${words.join(' ')}.`;
}

/**
 * One core group six months into its plan, with what the app keeps about it: five members, three
 * plan revisions, six meetings of which four are minuted (ten autosaved versions each, about
 * 2–3 KB of text per version), thirty check-ins and 250 audit entries. A caseload of these is
 * what the backup benchmark copies.
 */
export async function seedBackupCaseload(store: Store, options: { coreGroups: number }): Promise<void> {
  for (let index = 0; index < options.coreGroups; index++) await seedOne(store, index);
}

async function seedOne(store: Store, index: number): Promise<void> {
  const at = '2026-06-01T12:00:00.000Z';
  const { coreGroup, members, lead, healthVisitor } = aCoreGroup({ caseReference: `CP-${String(index).padStart(5, '0')}` });
  await store.coreGroups.create(coreGroup, members);
  const plan = aPlan(coreGroup.id, healthVisitor.id);
  for (let version = 1; version <= PLAN_REVISIONS; version++) {
    await store.plans.saveRevision({ plan: { ...plan, version, resources: paragraph(index * 100 + version) }, authorMemberId: lead.id, reason: 'Reviewed at the core group', changes: [] }, at);
  }
  for (let meeting = 0; meeting < MEETINGS; meeting++) {
    const meetingId = randomUUID();
    await store.meetings.create({ id: meetingId, coreGroupId: coreGroup.id, date: parseCivilDate(`2026-${String(meeting + 6).padStart(2, '0')}-15`), status: meeting < MINUTED_MEETINGS ? 'held' : 'scheduled' });
    if (meeting >= MINUTED_MEETINGS) continue;
    const minutes = { id: randomUUID(), meetingId, coreGroupId: coreGroup.id, version: 1, content: emptyMinutesContent(members) };
    await store.minutes.createDraft(minutes, lead.id, at);
    for (let version = 2; version <= SAVES_PER_MINUTES; version++) {
      const content: MinutesContent = { ...minutes.content, childsVoice: paragraph(index * 1000 + meeting * 100 + version), signsOfSafety: { worries: paragraph(index * 1000 + meeting * 100 + version + 30), workingWell: paragraph(index * 1000 + meeting * 100 + version + 60), needsToHappen: '', scaling: [] } };
      await store.minutes.save({ ...minutes, version, content }, { expectedVersion: version - 1, savedBy: lead.id, at });
    }
  }
  for (let checkIn = 0; checkIn < CHECK_INS; checkIn++) {
    await store.checkIns.record({ id: randomUUID(), coreGroupId: coreGroup.id, actionId: 'a1', memberId: healthVisitor.id, status: 'on-track', note: `Visit ${checkIn} done`, recordedAt: at }, `bench-${checkIn}`);
  }
  await Promise.all(
    Array.from({ length: AUDIT_ENTRIES }, (_, entry) => store.auditLog.append({ at, tenantId: TENANT, actor: entry % 2 ? lead.aadObjectId! : healthVisitor.aadObjectId!, action: entry % 5 ? 'view-case' : 'edit-minutes', coreGroupId: coreGroup.id, outcome: 'allowed' })),
  );
}
