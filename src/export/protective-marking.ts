/**
 * The Government Security Classification printed at the top and bottom of every page of every
 * record export, unless the area configures another (`PROTECTIVE_MARKING`): case records about
 * children are OFFICIAL-SENSITIVE.
 */
export const DEFAULT_PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';
