import { randomUUID } from 'node:crypto';
import { createCoreGroupAction } from '../../src/contracts/card-actions.contract';
import { DomainError } from '../../src/domain/errors';
import { failureIn } from '../../src/errors/refusal-words';
import { wordsIn } from '../../src/i18n/words';
import { type TypedAnswers, coreGroupCreatedCard, newCoreGroupCard } from '../cards/new-core-group.card';
import type { CardAction } from './card-action';

/** The answers a submit holds: each has its own words when it cannot be read (`newGroup.unreadable.<answer>`). */
const ANSWERS: ReadonlySet<string> = new Set<keyof TypedAnswers | 'requestId'>(['requestId', 'caseReference', 'childName', 'icpcDate', 'transferredInFrom', 'policyId', 'creatorRole', 'membersText', 'outcomesText']);

/** The answers of a submit that did not parse, each kept when it is readable on its own. */
function readableAnswers(data: unknown): { requestId: string; typed: TypedAnswers } {
  const submitted = (data !== null && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const fields = createCoreGroupAction.shape;
  const typed = Object.fromEntries(
    (Object.keys(fields) as (keyof typeof fields)[]).flatMap((key) => {
      const answer = fields[key].safeParse(submitted[key]);
      return answer.success ? [[key, answer.data]] : [];
    }),
  ) as TypedAnswers & { requestId?: string };
  const { requestId, ...answers } = typed;
  return { requestId: requestId ?? randomUUID(), typed: answers };
}

/**
 * The set-up form's Create button. A mistake in the answers comes back on the form itself, with
 * everything typed kept and the answer named (same request id, so a corrected submit still creates
 * the group once; a second press returns the group the first made); a refusal goes to the caller.
 * In the presser's language. The form holds the child's name: it is answered in a 1:1 chat only.
 */
export const createCoreGroupCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data, senderName, language }, services) {
    const words = wordsIn(language ?? 'en');
    const parsed = createCoreGroupAction.safeParse(data);
    if (!parsed.success) {
      const unreadable = String(parsed.error.issues[0]?.path[0] ?? '');
      const { requestId, typed } = readableAnswers(data);
      const error = words.t(`newGroup.unreadable.${ANSWERS.has(unreadable) ? unreadable : 'answer'}`);
      return newCoreGroupCard(words, { policies: services.policies(), requestId, typed, error });
    }
    const { requestId, ...typed } = parsed.data;
    try {
      const setUp = await services.setup.create({ caller, requestId, setup: typed, creator: { displayName: senderName ?? 'Lead social worker' } });
      return coreGroupCreatedCard(words, { caseReference: setUp.coreGroup.caseReference, members: setUp.members });
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'forbidden') {
        return newCoreGroupCard(words, { policies: services.policies(), requestId, typed, error: failureIn(words, error) });
      }
      throw error;
    }
  },
};
