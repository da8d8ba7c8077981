import { describeLimit, fitsLimit, isStorableText, truncateText, withoutChildName } from '../../src/domain/text';

const EMOJI = '\u{1F600}';

describe('text a store keeps whole', () => {
  test.each([
    ['plain text', 'Mum says the heating is fixed', true],
    ['an emoji (a surrogate pair)', `fixed ${EMOJI}`, true],
    ['NUL', 'fixed\u0000', false],
    ['a lone high surrogate', 'fixed \uD83D', false],
    ['a lone low surrogate', '\uDE00 fixed', false],
    ['a pair the wrong way round', '\uDE00\uD83D', false],
  ])('%s', (_case, text, storable) => {
    expect(isStorableText(text)).toBe(storable);
  });
});

describe('limits count characters (code points), as the contracts do', () => {
  test.each([
    ['at the limit', 'abc', 3, true],
    ['over it', 'abcd', 3, false],
    ['an emoji counts once', `ab${EMOJI}`, 3, true],
    ['an emoji over it', `abc${EMOJI}`, 3, false],
  ])('%s', (_case, text, max, fits) => {
    expect(fitsLimit(text, max)).toBe(fits);
  });

  test('a limit reads as people write numbers', () => {
    expect(describeLimit(10_000)).toBe('10,000 characters');
  });
});

describe('shortened text never ends in half a character', () => {
  test.each([
    ['text that fits is unchanged', `ab${EMOJI}`, 3, `ab${EMOJI}`],
    ['an emoji at the cut is kept whole', `ab${EMOJI}cd`, 3, `ab${EMOJI}`],
    ['an emoji past the cut is left out whole', `abc${EMOJI}`, 3, 'abc'],
    ['nothing', 'abc', 0, ''],
  ])('%s', (_case, text, max, expected) => {
    const cut = truncateText(text, max);
    expect(cut).toBe(expected);
    expect(isStorableText(cut)).toBe(true);
  });
});

describe('text without the child’s name, for a screen that may be shared', () => {
  test.each([
    ['Riley lives in a home that is safe', 'Riley Ellis', 'the child lives in a home that is safe'],
    ["Riley's school attendance rises; RILEY is seen weekly", 'Riley Ellis', "the child's school attendance rises; the child is seen weekly"],
    ['Ellison Road is near Ellis’s school', 'Riley Ellis', 'Ellison Road is near the child\'s school'],
    ['A safe home', 'Jo', 'A safe home'],
  ])('%s', (text, name, expected) => {
    expect(withoutChildName(text, name)).toBe(expected);
  });
});
