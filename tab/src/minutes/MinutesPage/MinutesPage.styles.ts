import { makeStyles, tokens } from '@fluentui/react-components';

export const useMinutesPageStyles = makeStyles({
  centred: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalM}`,
  },
  failure: {
    maxWidth: '40rem',
    margin: '0 auto',
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalM,
  },
});
