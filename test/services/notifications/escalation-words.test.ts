import { CONCERN_KINDS, escalationRoute, recipientsAtStep } from '../../../src/domain/escalation';
import { LANGUAGES } from '../../../src/i18n/language';
import { wordsIn } from '../../../src/i18n/words';
import { stepDoesIn, stepToIn } from '../../../src/services/notifications/escalation-words';

describe('the escalation procedure in the reader’s words', () => {
  test('every step of every route, what it asks and who it goes to, is worded in English as the procedure words it, and in Welsh', () => {
    for (const concern of CONCERN_KINDS) {
      escalationRoute(concern).steps.forEach((step, index) => {
        expect(stepDoesIn(wordsIn('en'), concern, index)).toBe(step.does);
        expect(stepToIn(wordsIn('en'), concern, index)).toMatch(recipientsAtStep(concern, index).length > 1 ? /^the .+ and the / : /^the /);
        for (const language of LANGUAGES) {
          expect(stepDoesIn(wordsIn(language), concern, index)).not.toMatch(/^escalation\./);
          expect(stepToIn(wordsIn(language), concern, index)).not.toMatch(/^escalation\./);
        }
      });
    }
    expect(stepDoesIn(wordsIn('cy'), 'increased-risk', 0)).toBe('penderfynu ar gamau amddiffynnol ar unwaith, ymholiad Adran 47 neu gynhadledd adolygu');
    expect(stepToIn(wordsIn('en'), 'significant-disagreement', 0)).toBe('the team manager and the conference chair / IRO');
    expect(stepToIn(wordsIn('cy'), 'significant-disagreement', 0)).toBe('y rheolwr tîm a chadeirydd y gynhadledd / y swyddog adolygu annibynnol');
  });

  test('past the last step, the last step’s words', () => {
    expect(stepDoesIn(wordsIn('en'), 'increased-risk', 5)).toBe(escalationRoute('increased-risk').steps.at(-1)!.does);
  });
});
