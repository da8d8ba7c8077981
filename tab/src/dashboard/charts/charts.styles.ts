import { makeStyles, tokens } from '@fluentui/react-components';

/** Shared by the dashboard's charts: axis text, legend, and the data table behind each chart. */
export const useChartStyles = makeStyles({
  figure: {
    margin: '0',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: '0',
  },
  caption: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  frame: {
    width: '100%',
    minWidth: '0',
  },
  svg: {
    display: 'block',
    overflow: 'visible',
  },
  axisText: {
    fill: tokens.colorNeutralForeground3,
    fontSize: '11px',
    fontFamily: tokens.fontFamilyBase,
  },
  labelText: {
    fill: tokens.colorNeutralForeground1,
    fontSize: '12px',
    fontFamily: tokens.fontFamilyBase,
  },
  grid: {
    stroke: tokens.colorNeutralStroke2,
    strokeWidth: 1,
  },
  today: {
    stroke: tokens.colorNeutralForeground2,
    strokeWidth: 1,
    strokeDasharray: '4 3',
  },
  legend: {
    listStyleType: 'none',
    margin: '0',
    padding: '0',
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
  },
  legendItem: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
  },
  swatch: {
    display: 'inline-block',
    width: '12px',
    height: '12px',
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    forcedColorAdjust: 'none',
  },
  details: {
    fontSize: tokens.fontSizeBase200,
  },
  summary: {
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalXXS} 0`,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusSmall,
    },
  },
  tableWrap: {
    overflowX: 'auto',
  },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    marginTop: tokens.spacingVerticalS,
  },
  cell: {
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  numeric: {
    textAlign: 'end',
    fontVariantNumeric: 'tabular-nums',
  },
  empty: {
    margin: '0',
    color: tokens.colorNeutralForeground3,
  },
});
