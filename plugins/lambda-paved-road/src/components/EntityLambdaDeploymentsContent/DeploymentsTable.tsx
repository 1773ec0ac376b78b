import { Fragment, ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ArrowForward from '@material-ui/icons/ArrowForward';
import Warning from '@material-ui/icons/Warning';
import type { EnvironmentDeployment } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { describePromotionGap, promotionGap } from '../../lib/promotion';
import { shortDigest, shortSha, timeAgo } from '../../lib/format';
import {
  FunctionStateLabel,
  RunStatusLabel,
  TargetHealthLabel,
} from '../../lib/status';
import { SourceCell } from '../SourceCell';
import { StartPipelineButton } from '../StartPipelineButton';
import { ScanBadge } from '../ScanBadge';

const useStyles = makeStyles(theme => ({
  table: { tableLayout: 'fixed', minWidth: 900 },
  rowHeader: {
    width: 110,
    fontWeight: theme.typography.fontWeightBold as number,
    verticalAlign: 'top',
  },
  cell: { verticalAlign: 'top', wordBreak: 'break-word' },
  gap: {
    width: 104,
    padding: theme.spacing(1, 0.5),
    verticalAlign: 'top',
    color: theme.palette.text.secondary,
    borderLeft: `1px dashed ${theme.palette.divider}`,
    borderRight: `1px dashed ${theme.palette.divider}`,
  },
  gapText: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
  },
  drift: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(1),
    padding: theme.spacing(0.5, 1),
    border: `1px solid ${theme.palette.warning.main}`,
    borderRadius: theme.shape.borderRadius,
  },
  muted: { color: theme.palette.text.secondary },
  mono: { fontFamily: 'monospace' },
}));

function Muted(props: { children: ReactNode }) {
  const classes = useStyles();
  return (
    <Typography variant="body2" className={classes.muted}>
      {props.children}
    </Typography>
  );
}

interface CellProps {
  env: EnvironmentDeployment;
  /** Reloads the view (after an action changed something). */
  refresh: () => void;
}

function PipelineCell({ env, refresh }: CellProps) {
  return (
    <SourceCell result={env.pipeline} source="pipeline" env={env}>
      {pipeline => {
        const latest = pipeline.executions[0];
        const run = (
          <StartPipelineButton
            env={env}
            pipelineName={pipeline.name}
            onStarted={refresh}
          />
        );
        if (!latest) {
          return (
            <>
              <Muted>No runs yet</Muted>
              <Link to={pipeline.consoleUrl}>{pipeline.name}</Link>
              <div>{run}</div>
            </>
          );
        }
        return (
          <>
            <RunStatusLabel status={latest.status} />
            <Muted>{timeAgo(latest.startedAt)}</Muted>
            <Link to={latest.consoleUrl}>View run</Link>
            <div>{run}</div>
          </>
        );
      }}
    </SourceCell>
  );
}

function CommitCell({ env }: { env: EnvironmentDeployment }) {
  const classes = useStyles();
  const commit = env.derived.liveCommit;
  if (!commit) return <Muted>Nothing live</Muted>;
  return (
    <>
      {commit.url ? (
        <Link
          to={commit.url}
          className={classes.mono}
          aria-label={`Commit ${shortSha(commit.sha)} in ${env.environment}`}
        >
          {shortSha(commit.sha)}
        </Link>
      ) : (
        <span className={classes.mono}>{shortSha(commit.sha)}</span>
      )}
      {commit.message && (
        <Typography variant="body2">{commit.message}</Typography>
      )}
    </>
  );
}

function ImageCell({ env }: { env: EnvironmentDeployment }) {
  const classes = useStyles();
  return (
    <SourceCell result={env.images} source="images" env={env}>
      {images => {
        const tag = env.derived.liveImageTag;
        const live =
          images.images.find(i => tag && i.tags.includes(tag)) ??
          images.images.find(i => i.digest === images.environmentTagDigest);
        if (!live) return <Muted>No image in {images.repositoryName}</Muted>;
        const tagged = images.images.find(
          i => i.digest === images.environmentTagDigest,
        );
        return (
          <>
            <Typography variant="body2">
              Tag{' '}
              <span className={classes.mono}>
                {tag ?? live.tags.join(', ')}
              </span>
            </Typography>
            <Typography
              variant="body2"
              className={classes.mono}
              title={live.digest}
            >
              {shortDigest(live.digest)}
            </Typography>
            <ScanBadge scan={live.scan} />
            {env.derived.imageDrift && (
              <div className={classes.drift} role="alert">
                <Warning fontSize="small" aria-hidden />
                <Typography variant="body2">
                  Drift: the function does not run the image the{' '}
                  <span className={classes.mono}>{images.environmentTag}</span>{' '}
                  tag points at
                  {tagged
                    ? ` (${
                        tagged.tags
                          .filter(t => t !== images.environmentTag)
                          .join(', ') || shortDigest(tagged.digest)
                      })`
                    : ''}
                  .
                </Typography>
              </div>
            )}
          </>
        );
      }}
    </SourceCell>
  );
}

function FunctionCell({ env }: { env: EnvironmentDeployment }) {
  const classes = useStyles();
  return (
    <SourceCell result={env.function} source="function" env={env}>
      {fn => {
        const alias = fn.aliases[0];
        return (
          <>
            <Typography variant="body2">
              {alias ? (
                <>
                  <span className={classes.mono}>{alias.name}</span> → version{' '}
                  {alias.version}
                </>
              ) : (
                'No alias'
              )}
            </Typography>
            <FunctionStateLabel
              state={fn.state}
              lastUpdateStatus={fn.lastUpdateStatus}
            />
            {fn.lastModified && (
              <Muted>updated {timeAgo(fn.lastModified)}</Muted>
            )}
            {env.derived.aliasBehindLatest && (
              <Typography variant="body2">
                <Warning fontSize="inherit" aria-hidden /> alias is behind the
                newest version {fn.versions[0]?.version}
              </Typography>
            )}
            <Link to={fn.consoleUrl}>{fn.name}</Link>
          </>
        );
      }}
    </SourceCell>
  );
}

function UrlCell({ env }: { env: EnvironmentDeployment }) {
  return (
    <>
      <Link to={env.url}>{env.url.replace(/^https:\/\//, '')}</Link>
      <SourceCell result={env.endpoint} source="endpoint" env={env}>
        {endpoint => {
          if (endpoint.exposure === 'internal')
            return <Muted>internal (no load balancer)</Muted>;
          const targets = endpoint.targetHealth ?? [];
          if (targets.length === 0) return <Muted>no registered targets</Muted>;
          const healthy = targets.filter(t => t.state === 'healthy').length;
          const worst = targets.find(t => t.state !== 'healthy') ?? targets[0];
          return (
            <>
              <TargetHealthLabel state={worst.state} />
              <Muted>
                {healthy}/{targets.length} targets healthy
                {worst.reason ? ` · ${worst.reason}` : ''}
              </Muted>
            </>
          );
        }}
      </SourceCell>
    </>
  );
}

const ROWS: Array<{
  label: string;
  Cell: (p: CellProps) => JSX.Element;
}> = [
  { label: 'Pipeline', Cell: PipelineCell },
  { label: 'Live commit', Cell: CommitCell },
  { label: 'Image', Cell: ImageCell },
  { label: 'Lambda', Cell: FunctionCell },
  { label: 'URL', Cell: UrlCell },
];

/**
 * Environments side by side, in promotion order, with what a promotion
 * would carry between neighbouring columns.
 */
export function DeploymentsTable(props: {
  environments: EnvironmentDeployment[];
  refresh: () => void;
}) {
  const classes = useStyles();
  const { environments, refresh } = props;
  return (
    <TableContainer>
      <Table
        className={classes.table}
        size="small"
        aria-label="Deployments by environment"
      >
        <TableHead>
          <TableRow>
            <TableCell className={classes.rowHeader} />
            {environments.map((env, i) => {
              const upstream = environments[i - 1];
              const sentence = upstream
                ? describePromotionGap(
                    promotionGap(upstream, env),
                    upstream.environment,
                    env.environment,
                  )
                : undefined;
              return (
                <Fragment key={env.environment}>
                  {upstream && (
                    <TableCell
                      component="th"
                      scope="col"
                      className={classes.gap}
                      data-testid={`promotion-${env.environment}`}
                    >
                      <span className={classes.gapText}>
                        <ArrowForward fontSize="small" aria-hidden />
                        <Typography variant="caption">{sentence}</Typography>
                      </span>
                    </TableCell>
                  )}
                  <TableCell
                    component="th"
                    scope="col"
                    className={classes.cell}
                  >
                    <Typography variant="h6" component="span">
                      {env.environment}
                    </Typography>
                    <Muted>
                      branch {env.branch}
                      {env.production ? ' · production' : ''}
                    </Muted>
                  </TableCell>
                </Fragment>
              );
            })}
          </TableRow>
        </TableHead>
        <TableBody>
          {ROWS.map(({ label, Cell }) => (
            <TableRow key={label}>
              <TableCell
                component="th"
                scope="row"
                className={classes.rowHeader}
              >
                {label}
              </TableCell>
              {environments.map((env, i) => (
                <Fragment key={env.environment}>
                  {i > 0 && <TableCell className={classes.gap} aria-hidden />}
                  <TableCell
                    className={classes.cell}
                    data-testid={`${env.environment}-${label
                      .toLowerCase()
                      .replace(' ', '-')}`}
                  >
                    <Cell env={env} refresh={refresh} />
                  </TableCell>
                </Fragment>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
