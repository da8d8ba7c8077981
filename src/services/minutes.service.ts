import { Temporal } from 'temporal-polyfill';
import type { CivilDate } from '../domain/civil-date';
import type { CoreGroup, CoreGroupMember } from '../domain/core-group';
import { InvalidInputError, NotFoundError, RuleViolationError, VersionConflictError } from '../domain/errors';
import { type CoreGroupMeeting, assignMeetingRoles, markHeld } from '../domain/meeting';
import { type ChatContribution, type Minutes, type MinutesContent, amendMinutes, editMinutes, isSigned, signMinutes } from '../domain/minutes';
import { holidayDivisionOf } from '../domain/nation';
import { type CaseAction, type MeetingRole, can } from '../domain/permissions';
import { type PlanAction, revisePlan } from '../domain/plan';
import { type PolicyProfile, dateAfter } from '../domain/policy';
import type { WorkingDayCalendars } from '../domain/working-days';
import { type Caller, authorise } from './authorise';
import { currentActions } from './case-status.service';
import { uuidFromKey } from './deterministic-id';
import { openDraft } from './draft-minutes';
import { MINUTES_SECTIONS, type MinutesSection, sameSection } from './minutes-sections';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CheckInRepository, CoreGroupRepository, MeetingRepository, MinutesRepository, PlanRepository } from './ports/store.port';

export interface MinutesDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members' | 'listForMember'>;
  readonly meetings: Pick<MeetingRepository, 'findById' | 'findByChatId' | 'listByCoreGroup' | 'update' | 'loadCaseTimeline'>;
  readonly minutes: Pick<MinutesRepository, 'findByMeeting' | 'createDraft' | 'save' | 'history' | 'deliveries'>;
  readonly plans: Pick<PlanRepository, 'current' | 'saveRevision'>;
  readonly checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
  readonly calendars: WorkingDayCalendars;
  readonly policy: (id: string) => PolicyProfile;
}

/** The meeting roles a member holds: the named chair and minute-taker; the lead social worker chairs when nobody was named. */
export function meetingRolesOf(meeting: CoreGroupMeeting, member: CoreGroupMember): MeetingRole[] {
  const roles: MeetingRole[] = [];
  const chairs = meeting.chairMemberId ? meeting.chairMemberId === member.id : member.role === 'lead-social-worker' && meeting.minuteTakerMemberId !== member.id;
  if (chairs) roles.push('chair');
  if (meeting.minuteTakerMemberId === member.id) roles.push('minute-taker');
  return roles;
}

/**
 * The minutes of a meeting as the chair and minute-taker write them in the meeting side panel:
 * read by members, written only by the chair and minute-taker (never the same person), saved one
 * section at a time under optimistic concurrency, signed by the chair and the team manager and
 * then immutable — an amendment is a new version with a reason. Every read and write is
 * authorised from the verified caller and audited.
 */
export function createMinutesService(deps: MinutesDeps) {
  const load = async (meetingId: string) => {
    const meeting = await deps.meetings.findById(meetingId);
    if (!meeting) throw new NotFoundError('That meeting does not exist or you are not a member of its core group.');
    return meeting;
  };

  /** Authorises the caller for an action on this meeting's minutes, with their meeting roles. */
  const authoriseOn = async (caller: Caller, meeting: CoreGroupMeeting, action: CaseAction) => {
    const member = await deps.coreGroups.findMember(meeting.coreGroupId, caller.aadObjectId);
    const meetingRoles = member ? meetingRolesOf(meeting, member) : [];
    const { coreGroup } = await authorise(deps, { caller, coreGroupId: meeting.coreGroupId, action, meetingRoles, targetId: meeting.id });
    return { coreGroup, member: member!, meetingRoles };
  };

  const calendarOf = (coreGroup: CoreGroup) => {
    const profile = deps.policy(coreGroup.policyId);
    return { profile, calendar: deps.calendars[holidayDivisionOf(profile.nation)] };
  };

  const scalingHistory = async (meeting: CoreGroupMeeting) => {
    const earlier = (await deps.meetings.listByCoreGroup(meeting.coreGroupId)).filter((other) => other.status === 'held' && Temporal.PlainDate.compare(other.date, meeting.date) < 0);
    const history: { date: CivilDate; scores: readonly { memberId: string; score: number }[] }[] = [];
    for (const other of earlier.sort((a, b) => Temporal.PlainDate.compare(a.date, b.date))) {
      const scores = (await deps.minutes.findByMeeting(other.id))?.content.signsOfSafety.scaling ?? [];
      if (scores.length > 0) history.push({ date: other.date, scores });
    }
    return history;
  };

  const view = async (caller: Caller, meeting: CoreGroupMeeting) => {
    const existing = await deps.minutes.findByMeeting(meeting.id);
    const readAction: CaseAction = existing && isSigned(existing) ? 'view-signed-minutes' : 'view-minutes-draft';
    const { coreGroup, member, meetingRoles } = await authoriseOn(caller, meeting, readAction);
    const minutes = existing ?? (await openDraft(deps, meeting, member.id));
    const { profile, calendar } = calendarOf(coreGroup);
    const [members, plan, checkIns, timeline, deliveries, history] = await Promise.all([
      deps.coreGroups.members(coreGroup.id),
      deps.plans.current(coreGroup.id),
      deps.checkIns.listByCoreGroup(coreGroup.id),
      deps.meetings.loadCaseTimeline(coreGroup.id),
      deps.minutes.deliveries(minutes.id),
      scalingHistory(meeting),
    ]);
    const circulationDue = dateAfter(calendar, meeting.date, profile.rules.minutesCirculation.period);
    const circulatedOn = timeline.circulations.find((circulation) => circulation.kind === 'minutes' && circulation.meetingId === meeting.id)?.on;
    const today = deps.clock.today();
    const circulationStatus = circulatedOn ? 'met' : Temporal.PlainDate.compare(today, circulationDue) > 0 ? 'overdue' : calendar.daysBetween(today, circulationDue) <= 1 ? 'at-risk' : 'due';
    const standing = { role: member.role, meetingRoles };
    return {
      meeting: { id: meeting.id, coreGroupId: coreGroup.id, caseReference: coreGroup.caseReference, date: meeting.date, startsAt: meeting.startsAt, endsAt: meeting.endsAt, chairMemberId: meeting.chairMemberId, minuteTakerMemberId: meeting.minuteTakerMemberId },
      minutes,
      members: members.filter((other) => other.active).map((other) => ({ id: other.id, name: other.displayName, role: other.role, agency: other.agency })),
      actions: currentActions(plan?.actions ?? [], checkIns).map((action) => ({ id: action.id, what: action.what, ownerMemberId: action.ownerMemberId, agency: action.agency, due: action.due, state: action.state, lastCheckIn: action.lastCheckIn })),
      scalingHistory: history,
      you: {
        memberId: member.id,
        canEdit: can(standing, 'edit-minutes'),
        canSignAsChair: can(standing, 'sign-minutes-as-chair'),
        canSignAsManager: can(standing, 'sign-minutes-as-team-manager'),
        canDistribute: can(standing, 'distribute-minutes'),
        canExport: can(standing, 'export-record'),
        canAssignRoles: can(standing, 'schedule-meeting'),
      },
      circulation: { due: circulationDue, status: circulationStatus },
      nextMeetingDue: dateAfter(calendar, meeting.date, profile.rules.frequency.period),
      deliveries: deliveries.filter((delivery) => delivery.minutesVersion === minutes.version),
    };
  };

  /** Saves a change under the version it was based on; a stale base is a conflict, never an overwrite. */
  const save = async (minutes: Minutes, updated: Minutes, savedBy: string) => {
    await deps.minutes.save(updated, { expectedVersion: minutes.version, savedBy, at: deps.clock.nowIso() });
    return updated;
  };

  return {
    /** The meeting of a Teams meeting chat, or the caller's next meeting (latest held when none is booked). */
    async currentMeeting(caller: Caller, chatId?: string): Promise<{ meetingId: string }> {
      if (chatId) {
        const meeting = await deps.meetings.findByChatId(chatId);
        if (!meeting) throw new NotFoundError('This chat is not a core group meeting chat.');
        await authoriseOn(caller, meeting, 'view-case');
        return { meetingId: meeting.id };
      }
      const today = deps.clock.today();
      const groups = await deps.coreGroups.listForMember(caller.tenantId, caller.aadObjectId);
      const meetings = (await Promise.all(groups.map((group) => deps.meetings.listByCoreGroup(group.id)))).flat().filter((meeting) => meeting.status !== 'cancelled');
      const byDate = (a: CoreGroupMeeting, b: CoreGroupMeeting) => Temporal.PlainDate.compare(a.date, b.date);
      const next = meetings.filter((meeting) => Temporal.PlainDate.compare(meeting.date, today) >= 0).sort(byDate)[0] ?? meetings.sort(byDate).at(-1);
      if (!next) throw new NotFoundError('You have no core group meetings yet.');
      return { meetingId: next.id };
    },

    async view(caller: Caller, meetingId: string) {
      return view(caller, await load(meetingId));
    },

    /**
     * Autosave of one section. It is saved when that section has not changed since the version the
     * editor started from — other sections may have, and are kept — otherwise it is a conflict
     * that carries the current minutes, so the editor can show both and lose nothing.
     */
    async saveSection(caller: Caller, meetingId: string, request: { baseVersion: number; section: MinutesSection; value: unknown }) {
      const meeting = await load(meetingId);
      const { member } = await authoriseOn(caller, meeting, 'edit-minutes');
      const parsed = MINUTES_SECTIONS[request.section].safeParse(request.value);
      if (!parsed.success) throw new InvalidInputError(`The ${request.section} section is not valid: ${parsed.error.issues[0]?.message ?? 'check it'}`);
      // Another section saved at the same moment moves the version on: that is not a conflict, so
      // the check is made again on what is stored now, a few times, before giving up.
      for (let attempt = 0; ; attempt++) {
        const current = await openDraft(deps, meeting, member.id);
        if (current.version !== request.baseVersion) {
          const base = (await deps.minutes.history(current.id)).find((version) => version.version === request.baseVersion);
          if (!base || !sameSection(base.content[request.section], current.content[request.section])) {
            throw new VersionConflictError('Someone else changed this section since you started; compare the two versions.');
          }
        }
        const content: MinutesContent = { ...current.content, [request.section]: parsed.data };
        try {
          return await save(current, editMinutes(current, { content, basedOnVersion: current.version }), member.id);
        } catch (error) {
          if (!(error instanceof VersionConflictError) || attempt >= 2) throw error;
        }
      }
    },

    /**
     * The chair (or minute-taker) takes a contribution from the meeting chat into the minutes, or
     * drops it. A decision joins the decisions; a note is added to the text section they choose; an
     * action joins the new actions when its owner is a member named as typed and it has a due date.
     */
    async decideContribution(caller: Caller, meetingId: string, contributionId: string, decision: { accept: false } | { accept: true; into?: NoteSection | undefined }) {
      const meeting = await load(meetingId);
      const { member } = await authoriseOn(caller, meeting, 'edit-minutes');
      const current = await openDraft(deps, meeting, member.id);
      const contribution = current.content.contributions.find((candidate) => candidate.id === contributionId);
      if (!contribution) throw new NotFoundError('That contribution is no longer waiting.');
      const content: MinutesContent = { ...current.content, contributions: current.content.contributions.filter((candidate) => candidate.id !== contributionId) };
      const accepted = decision.accept ? acceptInto(content, contribution, decision.into, await deps.coreGroups.members(meeting.coreGroupId)) : content;
      return save(current, editMinutes(current, { content: accepted, basedOnVersion: current.version }), member.id);
    },

    /** Names the chair and the minute-taker (never the same person). */
    async assignRoles(caller: Caller, meetingId: string, roles: { chairMemberId: string; minuteTakerMemberId: string }) {
      const meeting = await load(meetingId);
      await authoriseOn(caller, meeting, 'schedule-meeting');
      const members = await deps.coreGroups.members(meeting.coreGroupId);
      if (![roles.chairMemberId, roles.minuteTakerMemberId].every((memberId) => members.some((other) => other.id === memberId && other.active))) {
        throw new InvalidInputError('The chair and the minute-taker must be members of this core group.');
      }
      await deps.meetings.update(assignMeetingRoles(meeting, roles));
    },

    /**
     * A sign-off. When the chair signs, the new actions agreed in the meeting join the plan with
     * their owner and due date (once: their ids come from the minutes and their position).
     */
    async signOff(caller: Caller, meetingId: string, as: 'chair' | 'team-manager') {
      const meeting = await load(meetingId);
      const { member } = await authoriseOn(caller, meeting, as === 'chair' ? 'sign-minutes-as-chair' : 'sign-minutes-as-team-manager');
      const current = await deps.minutes.findByMeeting(meeting.id);
      if (!current) throw new RuleViolationError('There are no minutes to sign yet.');
      const signed = { ...signMinutes(current, { as, memberId: member.id, at: deps.clock.nowIso() }), version: current.version + 1 };
      await save(current, signed, member.id);
      // Minutes signed by the chair are the record that the meeting took place.
      if (meeting.status === 'scheduled') await deps.meetings.update(markHeld(meeting));
      if (as === 'chair') await addNewActionsToPlan(deps, signed, member.id);
      return signed;
    },

    /** Opens a signed record again as a new, unsigned version, saying why. */
    async amend(caller: Caller, meetingId: string, reason: string) {
      const meeting = await load(meetingId);
      const { member } = await authoriseOn(caller, meeting, 'edit-minutes');
      const current = await deps.minutes.findByMeeting(meeting.id);
      if (!current) throw new NotFoundError('There are no minutes for this meeting.');
      return save(current, amendMinutes(current, reason), member.id);
    },
  };
}

async function addNewActionsToPlan(deps: Pick<MinutesDeps, 'plans' | 'clock'>, minutes: Minutes, authorMemberId: string): Promise<void> {
  const plan = await deps.plans.current(minutes.coreGroupId);
  if (!plan || minutes.content.newActions.length === 0) return;
  const agreedOn = deps.clock.today();
  const additions: PlanAction[] = minutes.content.newActions
    .map((action, index) => ({ id: uuidFromKey(`minutes-action:${minutes.id}:${index}`), what: action.what, ownerMemberId: action.ownerMemberId, agency: action.agency, due: action.due, agreedOn, progressMeasure: action.progressMeasure, state: 'not-started' as const }))
    .filter((action) => !plan.actions.some((existing) => existing.id === action.id));
  if (additions.length === 0) return;
  const revision = revisePlan({ current: plan, next: { ...plan, actions: [...plan.actions, ...additions] }, authorMemberId, reason: 'actions agreed at the core group meeting' });
  await deps.plans.saveRevision(revision, deps.clock.nowIso());
}

/** The free-text sections a note from the chat can be added to. */
export const NOTE_SECTIONS = ['childsVoice', 'contingencyReview', 'worries', 'workingWell', 'needsToHappen'] as const;
export type NoteSection = (typeof NOTE_SECTIONS)[number];

function acceptInto(content: MinutesContent, contribution: ChatContribution, into: NoteSection | undefined, members: readonly CoreGroupMember[]): MinutesContent {
  const append = (existing: string) => [existing, contribution.text].filter((part) => part.trim() !== '').join('\n');
  if (contribution.kind === 'decision') return { ...content, decisions: [...content.decisions, contribution.text] };
  if (contribution.kind === 'note') {
    if (!into) throw new InvalidInputError('Choose the section the note belongs in.');
    if (into === 'childsVoice' || into === 'contingencyReview') return { ...content, [into]: append(content[into]) };
    return { ...content, signsOfSafety: { ...content.signsOfSafety, [into]: append(content.signsOfSafety[into]) } };
  }
  const owner = members.find((candidate) => candidate.active && candidate.displayName.toLowerCase() === contribution.ownerName?.toLowerCase());
  if (!owner || !contribution.due) throw new RuleViolationError('That action has no owner who is a member, or no due date: add it under New actions by hand, then drop the chat line.');
  const newAction = { what: contribution.text, ownerMemberId: owner.id, agency: owner.agency, due: Temporal.PlainDate.from(contribution.due), progressMeasure: '' };
  return { ...content, newActions: [...content.newActions, newAction] };
}

export type MinutesService = ReturnType<typeof createMinutesService>;
