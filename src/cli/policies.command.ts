import type { PolicyCatalogue } from '../policies/policy-catalogue';
import type { CliCommand } from './cli-io';
import { parseFlags } from './options';

/** `coregroup policies`: the policy profiles with their nation, source and verification notes. */
export function policiesCommand(catalogue: () => PolicyCatalogue): CliCommand {
  return {
    summary: 'list the policy profiles with their sources',
    usage: 'policies [--json]',
    async run(args, io) {
      const flags = parseFlags(args, { json: { type: 'boolean' } });
      const profiles = catalogue().all;
      if (flags.json) {
        io.out(JSON.stringify(profiles, null, 2));
        return 0;
      }
      for (const profile of profiles) {
        const unverified = Object.entries(profile.rules).filter(([, rule]) => !rule.source.verified).map(([name]) => name);
        io.out(`${profile.id}  (${profile.nation}, effective ${profile.effectiveFrom})`);
        io.out(`  ${profile.name}`);
        io.out(`  source: ${profile.source.title}${profile.source.url ? ` <${profile.source.url}>` : ''}`);
        io.out(`  unverified: ${unverified.length === 0 ? 'none' : unverified.join(', ')}`);
        for (const note of profile.notes) io.out(`  note: ${note}`);
      }
      return 0;
    },
  };
}
