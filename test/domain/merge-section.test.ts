import { mergeSettlingClashes, mergeThreeWay } from '../../tab/src/minutes/autosave/merge-section';

const signs = (worries: string, workingWell: string, needsToHappen: string, scaling: { memberId: string; score: number }[] = []) => ({ worries, workingWell, needsToHappen, scaling });

describe('merging two people’s changes to one section of the minutes (the tab’s autosave)', () => {
  test('different fields changed by each: both land', () => {
    const base = signs('Arguments', '', '');
    expect(mergeThreeWay(base, signs('Arguments', 'Calmer mornings', ''), signs('Arguments', '', 'A bedtime routine'))).toEqual({ merged: signs('Arguments', 'Calmer mornings', 'A bedtime routine') });
  });

  test('the same field changed differently: a clash named by its field, nothing merged', () => {
    const base = signs('Arguments', '', '');
    expect(mergeThreeWay(base, signs('Arguments at night', 'Calmer', ''), signs('Arguments at weekends', '', ''))).toEqual({ clashes: ['worries'] });
  });

  test('the same change by both is no clash', () => {
    const base = signs('', '', '');
    expect(mergeThreeWay(base, signs('Same', '', ''), signs('Same', 'Theirs', ''))).toEqual({ merged: signs('Same', 'Theirs', '') });
  });

  test('a list both only added to keeps every addition, theirs first; a list one of them edited in place is a clash when both changed it', () => {
    expect(mergeThreeWay(['a'], ['a', 'mine'], ['a', 'theirs'])).toEqual({ merged: ['a', 'theirs', 'mine'] });
    expect(mergeThreeWay(['a'], ['a changed'], ['a', 'theirs'])).toEqual({ clashes: ['the whole section'] });
    expect(mergeThreeWay(signs('', '', '', [{ memberId: 'm1', score: 3 }]), signs('', '', '', [{ memberId: 'm1', score: 4 }]), signs('', '', '', [{ memberId: 'm1', score: 5 }]))).toEqual({ clashes: ['scaling'] });
  });

  test('text typed alone is kept whole against a section nobody else changed', () => {
    expect(mergeThreeWay('Jordan said', 'Jordan said school is better', 'Jordan said')).toEqual({ merged: 'Jordan said school is better' });
    expect(mergeThreeWay('Jordan said', 'Jordan said X', 'Jordan said Y')).toEqual({ clashes: ['the whole section'] });
  });

  test('"Keep mine" and "Use theirs" settle only the clashing fields: every other change of either side stays', () => {
    const base = signs('Arguments', '', '');
    const mine = signs('Arguments at night', 'Calmer', '');
    const theirs = signs('Arguments at weekends', '', 'Routine');
    expect(mergeSettlingClashes(base, mine, theirs, 'mine')).toEqual(signs('Arguments at night', 'Calmer', 'Routine'));
    expect(mergeSettlingClashes(base, mine, theirs, 'theirs')).toEqual(signs('Arguments at weekends', 'Calmer', 'Routine'));
  });
});
