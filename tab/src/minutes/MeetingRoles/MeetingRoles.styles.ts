import { makeStyles, tokens } from '@fluentui/react-components';

export const useMeetingRolesStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    margin: '0',
    color: tokens.colorNeutralForeground2,
  },
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  field: {
    flexGrow: 1,
    flexBasis: '12rem',
    minWidth: '0',
    maxWidth: '24rem',
  },
  select: { minWidth: '0', maxWidth: '100%' },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  error: { flexBasis: '100%' },
});
