import type { CoreGroup } from '../domain/core-group';
import { holidayDivisionOf } from '../domain/nation';
import type { PolicyProfile } from '../domain/policy';
import type { WorkingDayCalendars, WorkingDays } from '../domain/working-days';

/** What a use case needs to judge a group's timescales: the policy profiles and the bank holiday calendars. */
export interface PolicyDeps {
  readonly policy: (id: string) => PolicyProfile;
  readonly calendars: WorkingDayCalendars;
}

/** A core group's policy profile, and the working days of the nation that profile belongs to. */
export function policyOf(deps: PolicyDeps, coreGroup: Pick<CoreGroup, 'policyId'>): { profile: PolicyProfile; calendar: WorkingDays } {
  const profile = deps.policy(coreGroup.policyId);
  return { profile, calendar: deps.calendars[holidayDivisionOf(profile.nation)] };
}
