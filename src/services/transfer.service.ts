import { type CivilDate, isAfter, isBefore } from '../domain/civil-date';
import { RuleViolationError, said } from '../domain/errors';
import { ukDate } from '../domain/uk-date';
import { planStartOf } from '../domain/core-group';
import { START_CONFERENCE_WORDS } from '../domain/policy';
import { type Caller, authorise } from './authorise';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CoreGroupRepository } from './ports/store.port';
import { type ClosePlanDeps, closePlan } from './close-plan';

/**
 * A case transferred out to another area, recorded by the lead social worker or the team manager:
 * its plan ends here that day (nothing after it is due), the area it went to is kept, and its
 * booked meetings after that day are cancelled in Outlook with the reason. The group stays
 * readable for its members, and its record can be exported for the receiving area. Recording the
 * same transfer again changes nothing.
 */
export function createTransferService(
  deps: ClosePlanDeps & {
    coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'endPlan' | 'transferredTo'>;
    auditLog: Pick<AuditLog, 'append'>;
    clock: Clock;
  },
) {
  return {
    async transferOut(caller: Caller, coreGroupId: string, transfer: { on: CivilDate; to: string }): Promise<{ outcome: 'changed' | 'unchanged'; planEndedOn: CivilDate; transferredTo: string }> {
      const { coreGroup } = await authorise(deps, { caller, coreGroupId, action: 'transfer-case' });
      const to = transfer.to.trim();
      const already = await deps.coreGroups.transferredTo(coreGroupId);
      if (already !== undefined && already === to && coreGroup.planEndedOn?.equals(transfer.on)) return { outcome: 'unchanged', planEndedOn: transfer.on, transferredTo: to };
      if (coreGroup.planEndedOn) {
        const on = coreGroup.planEndedOn.toString();
        const words = already ? said('serviceRefusals.transfer.alreadyTransferred', { on, area: already }) : said('serviceRefusals.transfer.alreadyEnded', { on });
        throw new RuleViolationError(`The plan here already ended on ${ukDate(coreGroup.planEndedOn)}${already ? `, when the case transferred to ${already}` : ''}.`, { said: words });
      }
      if (to === '') throw new RuleViolationError('Say which area the case transferred to.', { said: said('serviceRefusals.transfer.whichArea') });
      if (isAfter(transfer.on, deps.clock.today())) throw new RuleViolationError(`${ukDate(transfer.on)} is still to come: record the transfer on the day it happens.`, { said: said('serviceRefusals.transfer.stillToCome', { on: transfer.on.toString() }) });
      if (isBefore(transfer.on, coreGroup.icpcDate)) throw new RuleViolationError(`A transfer comes after ${START_CONFERENCE_WORDS[planStartOf(coreGroup)]} (${ukDate(coreGroup.icpcDate)}).`, { said: said(`serviceRefusals.transfer.beforeStart.${planStartOf(coreGroup)}`, { on: coreGroup.icpcDate.toString() }) });
      await closePlan(deps, { coreGroup, on: transfer.on, transferredTo: to, reason: `The case transferred to another area on ${ukDate(transfer.on)}.` });
      return { outcome: 'changed', planEndedOn: transfer.on, transferredTo: to };
    },
  };
}

export type TransferService = ReturnType<typeof createTransferService>;
