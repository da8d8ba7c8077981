import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { parseCivilDate } from '../domain/civil-date';
import type { CoreGroup, CoreGroupMember, MemberRole } from '../domain/core-group';
import { type MemberPosition, POSITION_LABELS, readPosition } from '../domain/member-position';
import { AlreadyExistsError, ForbiddenError, InvalidInputError, said } from '../domain/errors';
import type { ChildProtectionPlan } from '../domain/plan';
import type { Caller } from './authorise';
import { CREATE_CORE_GROUPS_ROLE, type Directory } from './ports/calendar.port';
import type { Clock } from './ports/clock.port';
import { uuidFromKey } from './deterministic-id';
import type { AuditLog, CoreGroupRepository, JobQueue, PlanRepository } from './ports/store.port';
import { memberIdentity } from './member-identity';
import { queueAppInstall } from './app-installs.service';

/** What the lead social worker types into the set-up form after the ICPC, or after a transfer-in conference. */
export interface CoreGroupSetup {
  readonly caseReference: string;
  readonly childName: string;
  /** The day of the ICPC, or of the transfer-in conference when `transferredInFrom` is given. */
  readonly icpcDate: string;
  /** The area a case transferred in from: its plan here starts at the transfer-in conference. Empty or absent after an ICPC. */
  readonly transferredInFrom?: string | undefined;
  readonly policyId: string;
  /** The creator's own role in the group. */
  readonly creatorRole: 'lead-social-worker' | 'team-manager';
  /** One member per line: `role | agency | name | e-mail`, the role in plain words (`readPosition`). */
  readonly membersText: string;
  /** One outcome per line, from the outline plan. */
  readonly outcomesText: string;
}

const EMAIL = /^[^\s@|]+@[^\s@|]+\.[^\s@|]+$/;

/** One member as the form lists them. */
export interface MemberLine {
  readonly position: MemberPosition;
  readonly role: MemberRole;
  readonly agency: string;
  readonly name: string;
  readonly email: string;
}

/**
 * Reads the member lines (`role | agency | name | e-mail`, the role in plain words, any case),
 * naming the line and the problem when one is wrong — for a role, the words that are accepted.
 */
export function parseMemberLines(text: string): MemberLine[] {
  const seen = new Map<string, number>();
  return text
    .split('\n')
    .map((raw) => raw.trim())
    .filter(Boolean)
    .map((raw, index) => {
      const [written, agency, name, email] = raw.split('|').map((part) => part.trim());
      const where = `member line ${index + 1}`;
      const read = written ? readPosition(written) : undefined;
      if (!read) throw new InvalidInputError(`${where}: the role must be one of ${POSITION_LABELS.join(', ')}`, { said: said('serviceRefusals.setup.memberLineRole', { line: index + 1, roles: POSITION_LABELS.join(', ') }) });
      if (!agency || !name) throw new InvalidInputError(`${where}: write role | agency | name | e-mail`, { said: said('serviceRefusals.setup.memberLineParts', { line: index + 1 }) });
      if (!email || !EMAIL.test(email)) throw new InvalidInputError(`${where}: "${email ?? ''}" is not an e-mail address`, { said: said('serviceRefusals.setup.memberLineEmail', { line: index + 1, email: email ?? '' }), internalMessage: `${where}: not an e-mail address` });
      const address = email.toLowerCase();
      const first = seen.get(address);
      if (first !== undefined) throw new InvalidInputError(`${where}: ${address} is already on member line ${first}`, { said: said('serviceRefusals.setup.memberLineRepeated', { line: index + 1, email: address, first }), internalMessage: `${where} repeats member line ${first}` });
      seen.set(address, index + 1);
      return { ...read, agency, name, email: address };
    });
}

/** Said when a case reference cannot be used: the same whether or not another group holds it, so nothing is disclosed. */
export const CASE_REFERENCE_UNUSABLE = 'The case reference cannot be used for a new core group. Check it against the case record; if this case already has a core group, ask its lead social worker to add you.';

/** Said to someone the organisation has not allowed to set up core groups: who can change that. */
export const WHO_ALLOWS_SETUP = `Setting up a core group is for the children's social care staff your organisation has allowed to (the ${CREATE_CORE_GROUPS_ROLE} role). Ask your Core Group administrator (the people who assign app roles in Entra) if you need it; a lead social worker or team manager who has it can set the group up and add you.`;

/** Said when the directory gives the creator no mailbox. */
export const NO_MAILBOX = 'Your account has no mailbox in the organisation’s directory, so Core Group could not book this group’s meetings from your calendar. Ask your IT service desk to give your account a mailbox, then press Create again.';

/** What a set-up request produced: the group (new, or the one this same request created before) and its member count. */
export interface CoreGroupSetUp {
  readonly coreGroup: CoreGroup;
  readonly members: number;
}

/**
 * Sets up a core group after an ICPC, or after the transfer-in conference of a case that moved
 * from another area (its deadlines then follow the profile's transfer-in rules): the case, its members (tenant users resolved in the
 * directory so the bot can recognise them; everyone else reachable by e-mail only) and the
 * outline plan's outcomes. The creator becomes its lead social worker or team manager.
 *
 * The form's request id is the idempotency key: the group's id derives from it (with the tenant and
 * the caller), so pressing Create again returns the group the first press made. A case reference
 * held by another group is refused in the same words whoever holds it.
 */
export function createCoreGroupSetupService(deps: {
  coreGroups: Pick<CoreGroupRepository, 'create' | 'findById' | 'members' | 'listForMember'>;
  plans: Pick<PlanRepository, 'saveRevision'>;
  directory: Directory;
  auditLog: Pick<AuditLog, 'append'>;
  /** Where installing the app for each member is queued (none: not installed for anyone). */
  jobs?: Pick<JobQueue, 'enqueue'> | undefined;
  clock: Clock;
  policyIds: () => readonly string[];
}) {
  async function setUpBefore(caller: Caller, id: string): Promise<CoreGroupSetUp | undefined> {
    const coreGroup = await deps.coreGroups.findById(id);
    if (!coreGroup || coreGroup.tenantId !== caller.tenantId) return undefined;
    const members = await deps.coreGroups.members(id);
    if (!members.some((member) => member.aadObjectId === caller.aadObjectId)) return undefined;
    return { coreGroup, members: members.length };
  }

  /**
   * The creator as the directory knows them, with their mailbox: meetings are booked from the
   * lead's or manager's calendar, so a group whose creator has none could never be scheduled.
   */
  async function creatorOf(caller: Caller, nameInTeams: string): Promise<{ displayName: string; email: string }> {
    const found = await deps.directory.findUser(caller.aadObjectId);
    if (!found?.mail) throw new InvalidInputError(NO_MAILBOX, { said: said('serviceRefusals.setup.noMailbox'), internalMessage: 'create-core-group: the creator has no mailbox in the directory' });
    return { displayName: found.displayName || nameInTeams, email: found.mail.toLowerCase() };
  }

  return {
    /** Whether the organisation allows this person to set up core groups (the app role, read from the directory each time). */
    async mayCreate(caller: Caller): Promise<boolean> {
      return deps.directory.hasAppRole(caller.aadObjectId, CREATE_CORE_GROUPS_ROLE);
    },

    async create(request: { caller: Caller; requestId: string; setup: CoreGroupSetup; creator: { displayName: string } }): Promise<CoreGroupSetUp> {
      const { caller, setup } = request;
      const id = uuidFromKey(`core-group-setup:${caller.tenantId}:${caller.aadObjectId}:${request.requestId}`);
      const before = await setUpBefore(caller, id);
      if (before) return before;
      if (!(await deps.directory.hasAppRole(caller.aadObjectId, CREATE_CORE_GROUPS_ROLE))) {
        await deps.auditLog.append({ at: deps.clock.nowIso(), tenantId: caller.tenantId, actor: caller.aadObjectId, action: 'create-core-group', outcome: 'denied' });
        throw new ForbiddenError(WHO_ALLOWS_SETUP, { said: said('newGroup.notAllowed', { role: CREATE_CORE_GROUPS_ROLE }), internalMessage: 'create-core-group: the caller has no CoreGroup.Create app role' });
      }
      const caseReference = setup.caseReference.trim();
      if (!/^[A-Za-z0-9][A-Za-z0-9/_-]{1,39}$/.test(caseReference)) throw new InvalidInputError('The case reference is 2–40 letters, digits, -, _ or /.', { said: said('serviceRefusals.setup.caseReferenceForm') });
      if (setup.childName.trim() === '') throw new InvalidInputError("Enter the child's name (it stays on the case record, never in chats or notifications).", { said: said('serviceRefusals.setup.childName') });
      const transferredInFrom = setup.transferredInFrom?.trim() || undefined;
      const conference = transferredInFrom ? 'The transfer-in conference date' : 'The ICPC date';
      const icpcDate = parseCivilDate(setup.icpcDate.trim(), conference);
      if (Temporal.PlainDate.compare(icpcDate, deps.clock.today()) > 0) throw new InvalidInputError(`${conference} cannot be in the future.`, { said: said(transferredInFrom ? 'serviceRefusals.setup.transferInFuture' : 'serviceRefusals.setup.icpcInFuture') });
      if (!deps.policyIds().includes(setup.policyId)) throw new InvalidInputError(`Unknown policy "${setup.policyId}".`, { said: said('serviceRefusals.setup.unknownPolicy', { id: setup.policyId }) });
      const lines = parseMemberLines(setup.membersText);
      const outcomes = setup.outcomesText.split('\n').map((line) => line.trim()).filter(Boolean);
      if (outcomes.length === 0) throw new InvalidInputError('Enter at least one outcome from the outline plan.', { said: said('serviceRefusals.setup.noOutcome') });

      const creator = await creatorOf(caller, request.creator.displayName);
      const members: CoreGroupMember[] = [{ id: randomUUID(), displayName: creator.displayName, role: setup.creatorRole, position: setup.creatorRole, agency: "children's social care", email: creator.email, aadObjectId: caller.aadObjectId, reach: 'tenant', active: true }];
      for (const line of lines) {
        if (line.email === creator.email) continue;
        const identity = await memberIdentity(deps.directory, line);
        if (identity.aadObjectId === caller.aadObjectId) continue;
        members.push({ id: randomUUID(), displayName: line.name, role: line.role, position: line.position, agency: line.agency, email: line.email, ...identity, active: true });
      }
      const coreGroup: CoreGroup = { id, caseReference, childName: setup.childName.trim(), tenantId: caller.tenantId, policyId: setup.policyId, icpcDate, transferredInFrom, createdAt: deps.clock.nowIso() };
      try {
        await deps.coreGroups.create(coreGroup, members);
      } catch (error) {
        if (!(error instanceof AlreadyExistsError)) throw error;
        // The same request pressed twice at once: the first one's group is the answer.
        const raced = await setUpBefore(caller, id);
        if (raced) return raced;
        const mine = (await deps.coreGroups.listForMember(caller.tenantId, caller.aadObjectId)).some((group) => group.caseReference.toLowerCase() === caseReference.toLowerCase());
        if (mine) throw new InvalidInputError(`You are already in the core group for case ${caseReference}: type /coregroup status ${caseReference} to see it.`, { said: said('serviceRefusals.setup.alreadyIn', { caseReference }), cause: error, internalMessage: 'create-core-group: the caller is already in that case' });
        throw new InvalidInputError(CASE_REFERENCE_UNUSABLE, { said: said('serviceRefusals.setup.caseReferenceUnusable'), cause: error, internalMessage: 'create-core-group: case reference taken' });
      }
      const plan: ChildProtectionPlan = { coreGroupId: coreGroup.id, version: 1, outcomes: outcomes.map((text, index) => ({ id: `outcome-${index + 1}`, text })), actions: [], contingencyPlan: '', resources: '', monitoring: '' };
      const reason = transferredInFrom ? `Plan from the transfer-in conference (the case came from ${transferredInFrom})` : 'Outline plan from the ICPC';
      await deps.plans.saveRevision({ plan, authorMemberId: members[0]!.id, reason, changes: [] }, deps.clock.nowIso());
      await deps.auditLog.append({ at: deps.clock.nowIso(), tenantId: caller.tenantId, actor: caller.aadObjectId, action: 'create-core-group', coreGroupId: coreGroup.id, outcome: 'allowed' });
      // Everyone but the creator, who is using the app already: the bot must reach each of them 1:1.
      if (deps.jobs) for (const member of members.slice(1)) await queueAppInstall(deps.jobs, { coreGroup, member, joinedAt: coreGroup.createdAt });
      return { coreGroup, members: members.length };
    },
  };
}

export type CoreGroupSetupService = ReturnType<typeof createCoreGroupSetupService>;
