import { teamCsv } from '../export/team-csv';
import type { Language } from '../i18n/language';
import { wordsIn } from '../i18n/words';
import type { Caller } from './authorise';
import { type TeamViewDeps, teamView } from './case-status/team-view';

export type { TeamCase, TeamViewDeps } from './case-status/team-view';

/**
 * A team manager's (or conference chair's) view of the core groups they oversee, and the same as
 * a CSV download in the reader's language. The team is the groups whose membership names the
 * caller as team manager or conference chair (the team manager named on each case), not a Graph
 * group.
 */
export function createTeamView(deps: TeamViewDeps) {
  return {
    of: (caller: Caller) => teamView(deps, caller),
    csv: async (caller: Caller, language: Language) => teamCsv(await teamView(deps, caller), { today: deps.clock.today(), words: wordsIn(language) }),
  };
}

export type TeamView = ReturnType<typeof createTeamView>;
