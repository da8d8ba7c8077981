import { tokens } from '@fluentui/react-components';

/**
 * Series colours from Fluent's palette tokens, so they follow the light, dark and high-contrast
 * themes. Colour is never the only cue: every chart has a legend with words and a data table.
 */
export const SERIES_COLOURS: readonly string[] = [
  tokens.colorPaletteBlueBorderActive,
  tokens.colorPaletteMarigoldBorderActive,
  tokens.colorPaletteTealBorderActive,
  tokens.colorPaletteBerryBorderActive,
  tokens.colorPaletteLightGreenBorderActive,
  tokens.colorPalettePurpleBorderActive,
  tokens.colorPaletteDarkOrangeBorderActive,
  tokens.colorPaletteSteelBorderActive,
  tokens.colorPaletteCranberryBorderActive,
];

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? tokens.colorBrandBackground;
}
