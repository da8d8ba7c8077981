import fc from 'fast-check';
import { isolatedUserText, plainUserText } from '../../src/domain/display-text';
import * as tab from '../../tab/src/common/display-text';

describe('user text as it may be shown', () => {
  test.each([
    ['U+FFFF and U+FFFE', 'a\uFFFFb\uFFFEc', 'abc'],
    ['C0 controls', 'a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg', 'abcdefg'],
    ['a lone high surrogate, a lone low surrogate', 'a\uD800b\uDC00c', 'abc'],
    ['overrides and embeddings', '\u202Eevil\u202C \u202Ax\u202B\u202D', 'evil x'],
    ['isolates', '\u2066a\u2067b\u2068c\u2069', 'abc'],
    ['directional marks', 'a\u200Eb\u200Fc\u061Cd', 'abcd'],
  ])('%s are removed', (_case, text, shown) => {
    expect(plainUserText(text)).toBe(shown);
  });

  test('tabs, line breaks, accents, right-to-left letters and emoji (a surrogate pair) stay as typed', () => {
    const text = 'Zoë\tŁukasz\r\nשלום 😀 — “quoted”';
    expect(plainUserText(text)).toBe(text);
  });

  test('text with a right-to-left letter is isolated: between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, with no control of its own to close the isolate early', () => {
    expect(isolatedUserText('שלום Alice\u2069\u202E due')).toBe('\u2068שלום Alice due\u2069');
    expect(isolatedUserText('Amira \u0661\u0662')).toBe('\u2068Amira \u0661\u0662\u2069');
    expect(isolatedUserText('Adlam \u{1E900}')).toBe('\u2068Adlam \u{1E900}\u2069');
  });

  test('text with no right-to-left letter cannot move anything, so it stays as typed (without its controls)', () => {
    expect(isolatedUserText('Zoë Łukasz 😀 2026-01-05')).toBe('Zoë Łukasz 😀 2026-01-05');
    expect(isolatedUserText('Alice\u202E due')).toBe('Alice due');
  });
});

test('the tab’s copy of the rules (it may not import from src) gives the same answer for any text', () => {
  const unit = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('\u202E', '\u2068', '\u2069', '\uFFFF', '\uD800', 'ש', '\u0661', '\u{1E900}', '\u0000'));
  fc.assert(
    fc.property(fc.array(unit).map((parts) => parts.join('')), (text) => {
      expect(tab.plainUserText(text)).toBe(plainUserText(text));
      expect(tab.isolatedUserText(text)).toBe(isolatedUserText(text));
    }),
  );
});
