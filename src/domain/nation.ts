import { InvalidInputError, said } from './errors';

/** The UK nations whose child protection guidance and bank holidays differ. */
export const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];

/**
 * Bank holidays are published for three divisions (GOV.UK uses these exact names): England and
 * Wales share one list.
 */
export const HOLIDAY_DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type HolidayDivision = (typeof HOLIDAY_DIVISIONS)[number];

/** Which bank holiday list applies in a nation. */
export function holidayDivisionOf(nation: Nation): HolidayDivision {
  return nation === 'england' || nation === 'wales' ? 'england-and-wales' : nation;
}

/** Accepts a nation or a holiday division by name, as typed on the command line. */
export function parseHolidayDivision(text: string): HolidayDivision {
  if ((NATIONS as readonly string[]).includes(text)) return holidayDivisionOf(text as Nation);
  if ((HOLIDAY_DIVISIONS as readonly string[]).includes(text)) return text as HolidayDivision;
  const known = [...NATIONS, 'england-and-wales'].join(', ');
  throw new InvalidInputError(`unknown nation "${text}" (known: ${known})`, { said: said('refusals.nations.unknown', { text, known }) });
}

export function parseNation(text: string): Nation {
  if ((NATIONS as readonly string[]).includes(text)) return text as Nation;
  throw new InvalidInputError(`unknown nation "${text}" (known: ${NATIONS.join(', ')})`, { said: said('refusals.nations.unknown', { text, known: NATIONS.join(', ') }) });
}
