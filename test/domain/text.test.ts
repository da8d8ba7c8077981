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

const ENGLISH = { child: 'the child', childs: "the child's", afterVowel: 'the child' };
const WELSH = { child: 'y plentyn', childs: 'y plentyn', afterVowel: "'r plentyn" };

describe('text without the child’s name, for a screen that may be shared', () => {
  test.each([
    ['Riley lives in a home that is safe', 'Riley Ellis', 'the child lives in a home that is safe'],
    ["Riley's school attendance rises; RILEY is seen weekly", 'Riley Ellis', "the child's school attendance rises; the child is seen weekly"],
    ['Ellison Road is near Ellis’s school', 'Riley Ellis', 'Ellison Road is near the child\'s school'],
    ['A safe home', 'Jo', 'A safe home'],
  ])('%s', (text, name, expected) => {
    expect(withoutChildName(text, name, ENGLISH)).toBe(expected);
  });

  test('a full name is named once: “Riley Ellis goes to school” is not “the child the child goes…”', () => {
    expect(withoutChildName('Riley Ellis goes to school; so does Riley', 'Riley Ellis', ENGLISH)).toBe('the child goes to school; so does the child');
  });

  test.each([
    ['Mae Riley Ellis yn ddiogel gartref', "Mae'r plentyn yn ddiogel gartref"],
    ['Bydd yr ysgol yn siarad gyda Riley bob wythnos', "Bydd yr ysgol yn siarad gyda'r plentyn bob wythnos"],
    ['Riley yn mynd i’r ysgol bob dydd', 'y plentyn yn mynd i’r ysgol bob dydd'],
    ['Bydd iechyd Riley yn cael ei wirio', 'Bydd iechyd y plentyn yn cael ei wirio'],
    ['Llais Riley: mae gan Riley lais', "Llais y plentyn: mae gan y plentyn lais"],
  ])('in Welsh, “y plentyn”, and “’r plentyn” joined to a word ending in a vowel: %s', (text, expected) => {
    expect(withoutChildName(text, 'Riley Ellis', WELSH)).toBe(expected);
  });
});
