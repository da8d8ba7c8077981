import { makeStyles, tokens } from '@fluentui/react-components';

export const useFamilyVersionStyles = makeStyles({
  sections: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  sectionTitle: {
    margin: '0',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
  },
  itemText: { flexGrow: 1 },
  removed: {
    color: tokens.colorNeutralForeground4,
    textDecorationLine: 'line-through',
  },
  leftOut: {
    margin: '0',
    paddingInlineStart: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground3,
  },
});
