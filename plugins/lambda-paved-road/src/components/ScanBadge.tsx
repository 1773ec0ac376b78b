import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import HelpOutline from '@material-ui/icons/HelpOutline';
import type { ScanFindings } from '@lambda-paved-road/plugin-lambda-paved-road-common';

const SEVERITY_ORDER = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'INFORMATIONAL',
  'UNDEFINED',
];

/** "2 HIGH · 1 MEDIUM": counts in words with an icon, never colour alone. */
export function scanSummary(scan: ScanFindings | undefined): string {
  if (!scan) return 'not scanned';
  const counts = Object.entries(scan.bySeverity)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b))
    .map(([severity, n]) => `${n} ${severity}`);
  if (counts.length > 0) return counts.join(' · ');
  if (scan.status && scan.status !== 'COMPLETE')
    return scan.status.toLowerCase().replace(/_/g, ' ');
  return 'no findings';
}

// A long summary wraps inside the chip instead of running out of a narrow column.
const useStyles = makeStyles(theme => ({
  root: { height: 'auto', minHeight: 24, maxWidth: '100%' },
  label: { whiteSpace: 'normal', padding: theme.spacing(0.25, 1) },
}));

export function ScanBadge(props: { scan?: ScanFindings }) {
  const { scan } = props;
  const classes = useStyles();
  const serious =
    !!scan &&
    ((scan.bySeverity.CRITICAL ?? 0) > 0 || (scan.bySeverity.HIGH ?? 0) > 0);
  const clean = !!scan && scanSummary(scan) === 'no findings';
  let icon = <HelpOutline />;
  if (serious) icon = <ErrorOutline />;
  else if (clean) icon = <CheckCircleOutline />;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={serious ? 'secondary' : 'default'}
      icon={icon}
      label={`Scan: ${scanSummary(scan)}`}
      classes={{ root: classes.root, label: classes.label }}
    />
  );
}
