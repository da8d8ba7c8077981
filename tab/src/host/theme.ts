import { type Theme, teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';

export const THEME_NAMES = ['light', 'dark', 'contrast'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

export const FLUENT_THEMES: Readonly<Record<ThemeName, Theme>> = {
  light: webLightTheme,
  dark: webDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** Teams names its themes `default`, `dark` and `contrast`; anything else is taken as light. */
export function themeFromTeams(teamsTheme: string | undefined): ThemeName {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}

/** `?theme=dark|light|contrast` fixes the theme whatever the host says (tests and screenshots use it). */
export function themeOverride(search: string): ThemeName | undefined {
  const asked = new URLSearchParams(search).get('theme');
  return THEME_NAMES.find((name) => name === asked);
}

/** Outside Teams, follow the operating system: forced colours first, then dark mode. */
export function systemTheme(): ThemeName {
  if (typeof window.matchMedia !== 'function') return 'light';
  if (window.matchMedia('(forced-colors: active)').matches) return 'contrast';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
