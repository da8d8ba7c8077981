import { Fragment, type ReactNode } from 'react';
import type { TabLanguage, TabTranslate } from '../i18n/i18n';

/**
 * What every part of the minutes tab is given by its page (MinutesPage calls `useTabLanguage` once):
 * the translator for `en.minutes.json` / `cy.minutes.json`, and the language, for dates.
 */
export interface MinutesLanguage {
  readonly t: TabTranslate;
  readonly language: TabLanguage;
}

/** Marks where an element goes in a translated sentence (a private-use character no one types). */
const MARK = '\uE000';

/** The value to give a placeholder that an element will fill: `t('key', { status: slot('status') })`. */
export function slot(name: string): string {
  return MARK + name + MARK;
}

/**
 * A translated sentence with elements in it (a badge, a coloured word, a due date): the catalogue
 * keeps the whole sentence, placeholders and all, and each `slot` in it becomes its element here.
 */
export function withParts(text: string, parts: Readonly<Record<string, ReactNode>>): ReactNode {
  const pieces = text.split(MARK);
  return pieces.map((piece, index) => <Fragment key={index}>{index % 2 === 1 && piece in parts ? parts[piece] : piece}</Fragment>);
}

/** "1, 2 and 3" in the page's language ("1, 2 a 3"; "ac" before a number said with a vowel sound in Welsh). */
export function andList(t: TabTranslate, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const last = items.at(-1)!;
  return t(/^(1|8|11|8\d)$/.test(last) ? 'minutes.list.andVowel' : 'minutes.list.and', { items: items.slice(0, -1).join(', '), last });
}
