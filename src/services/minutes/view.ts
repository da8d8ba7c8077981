import { minutesCirculation } from '../../domain/circulation';
import { type CoreGroupMeeting, hasStarted, heldBefore } from '../../domain/meeting';
import { deliveriesOfVersion, editionOf, isSigned, minutesRecipients, scalingHistory, undelivered } from '../../domain/minutes';
import { minutesPermissions } from '../../domain/permissions';
import { currentActions } from '../../domain/plan';
import { type TheChild, withoutChildName } from '../../domain/text';
import { dateAfter } from '../../domain/policy';
import { wordsIn } from '../../i18n/words';
import type { Caller } from '../authorise';
import { openDraft } from '../draft-minutes';
import { disagreementConcerns } from './escalate-disagreements';
import { policyOf } from '../policy-calendar';
import { type MeetingAccess, type MinutesDeps, authoriseOnMeeting, loadMeeting } from './meeting-access';

/**
 * How the shared screen names the child, in the language the group's documents are written in (its
 * outcomes are written in it too); a group writing both is named in English, the text's language
 * not being known.
 */
async function theChildIn(deps: Pick<MinutesDeps, 'documentLanguages'>, coreGroupId: string): Promise<TheChild> {
  const { t } = wordsIn((await deps.documentLanguages.of(coreGroupId)) === 'cy' ? 'cy' : 'en');
  return { child: t('sharedScreen.theChild'), childs: t('sharedScreen.theChilds'), afterVowel: t('sharedScreen.theChildAfterVowel') };
}

/** Signs of Safety scaling at the group's held meetings before this one, oldest first. */
async function scalingBefore(deps: Pick<MinutesDeps, 'meetings' | 'minutes'>, meeting: CoreGroupMeeting) {
  const earlier = heldBefore(await deps.meetings.listByCoreGroup(meeting.coreGroupId), meeting.date);
  const records = [];
  for (const other of earlier) records.push({ date: other.date, minutes: await deps.minutes.findByMeeting(other.id) });
  return scalingHistory(records);
}

/**
 * The minutes tab's view of a meeting: the minutes (a draft is opened if there is none yet), the
 * members, the plan's actions with their latest check-in, earlier scaling, what the caller may
 * do, the circulation deadline and this version's deliveries. Members read drafts; signed
 * minutes are read with their own permission. `known`: what this request already authorised
 * (after a change), so the caller's group and membership are not read again.
 */
export async function viewMinutes(deps: MinutesDeps, request: { caller: Caller; meetingId: string; known?: MeetingAccess | undefined }) {
  const meeting = request.known?.meeting.id === request.meetingId ? request.known.meeting : await loadMeeting(deps, request.meetingId);
  const existing = await deps.minutes.findByMeeting(meeting.id);
  const readAction = existing && isSigned(existing) ? 'view-signed-minutes' : 'view-minutes-draft';
  const { coreGroup, member, meetingRoles } = await authoriseOnMeeting(deps, { caller: request.caller, meeting, action: readAction, known: request.known });
  const minutes = existing ?? (await openDraft(deps, { meeting, openedBy: member.id }));
  const { profile, calendar } = policyOf(deps, coreGroup);
  const [members, plan, checkIns, timeline, deliveries, history, concerns, areaContacts, versions, theChild] = await Promise.all([
    deps.coreGroups.members(coreGroup.id),
    deps.plans.current(coreGroup.id),
    deps.checkIns.listByCoreGroup(coreGroup.id),
    deps.meetings.loadCaseTimeline(coreGroup.id, coreGroup),
    deps.minutes.deliveries(minutes.id),
    scalingBefore(deps, meeting),
    isSigned(minutes) ? deps.concerns.listByCoreGroup(coreGroup.id) : [],
    deps.areaContacts.list(coreGroup.tenantId, coreGroup.policyId),
    deps.minutes.history(minutes.id),
    theChildIn(deps, coreGroup.id),
  ]);
  return {
    meeting: {
      id: meeting.id,
      coreGroupId: coreGroup.id,
      caseReference: coreGroup.caseReference,
      date: meeting.date,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      chairMemberId: meeting.chairMemberId,
      minuteTakerMemberId: meeting.minuteTakerMemberId,
      status: meeting.status,
      notHeldReason: meeting.status === 'not-held' || meeting.status === 'cancelled' ? meeting.cancellationReason : undefined,
      started: hasStarted(meeting, { nowIso: deps.clock.nowIso(), today: deps.clock.today() }),
    },
    minutes,
    edition: editionOf(versions, minutes),
    members: members.filter((other) => other.active).map((other) => ({ id: other.id, name: other.displayName, role: other.role, agency: other.agency })),
    // The minutes tab may be on the meeting's shared screen: the plan's outcomes come without the child's name.
    outcomes: (plan?.outcomes ?? []).map((outcome) => ({ id: outcome.id, text: withoutChildName(outcome.text, coreGroup.childName, theChild) })),
    actions: currentActions(plan?.actions ?? [], checkIns).map((action) => ({ id: action.id, what: action.what, ownerMemberId: action.ownerMemberId, agency: action.agency, due: action.due, state: action.state, lastCheckIn: action.lastCheckIn })),
    scalingHistory: history,
    you: { memberId: member.id, ...minutesPermissions({ role: member.role, meetingRoles }) },
    circulation: {
      ...minutesCirculation({ profile, calendar, meeting, circulations: timeline.circulations, today: deps.clock.today() }),
      // An amended version goes to everyone again: until it has, the deadline an earlier version met does not say it all.
      amendmentToCirculate: Boolean(minutes.amendmentReason) && undelivered(minutesRecipients(members, minutes.content.sharing), deliveries, minutes.version).length > 0,
    },
    nextMeetingDue: dateAfter(calendar, meeting.date, profile.rules.frequency.period),
    deliveries: deliveriesOfVersion(deliveries, minutes.version),
    // Seed 002: what became of each significant disagreement once signed — the concern raised, or none (signed before the app raised them).
    disagreementConcerns: disagreementConcerns(minutes, concerns).map((concern) => concern && { raisedAt: concern.raisedAt }),
    conferenceChairReachable: members.some((other) => other.active && other.role === 'conference-chair') || areaContacts.some((contact) => contact.role === 'conference-chair'),
  };
}

export type MinutesView = Awaited<ReturnType<typeof viewMinutes>>;
