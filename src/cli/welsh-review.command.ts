import { unreviewedWelsh, unsourcedTerms } from '../i18n/welsh-review';
import type { CliCommand } from './cli-io';
import { parseFlags } from './options';

/**
 * `coregroup welsh-review`: the Welsh strings no Welsh speaker has checked yet, each beside its
 * English, then the glossary's terms that have no source — for a council's Welsh-language officer.
 * Tab-separated: key, English, Welsh.
 */
export function welshReviewCommand(): CliCommand {
  return {
    summary: 'list the Welsh strings not yet checked by a Welsh speaker, and the terms with no source',
    usage: 'welsh-review',
    async run(args, io) {
      parseFlags(args, {});
      const strings = unreviewedWelsh();
      io.out(`${strings.length} Welsh strings not yet checked by a Welsh speaker (key, English, Welsh):`);
      for (const { key, english, welsh } of strings) io.out(`${key}\t${english}\t${welsh}`);
      const terms = unsourcedTerms();
      io.out(`${terms.length} glossary terms with no source in the Welsh procedures (English, Welsh, note):`);
      for (const term of terms) io.out(`${term.en}\t${term.cy}\t${term.note ?? ''}`);
      return 0;
    },
  };
}
