import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMore from '@material-ui/icons/ExpandMore';
import type { EnvironmentDeployment } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import {
  duration,
  secondsBetween,
  shortDigest,
  shortSha,
  timeAgo,
} from '../../lib/format';
import { RunStatusLabel } from '../../lib/status';
import { SourceCell } from '../SourceCell';
import { ScanBadge } from '../ScanBadge';

const useStyles = makeStyles(theme => ({
  section: { marginBottom: theme.spacing(2) },
  mono: { fontFamily: 'monospace' },
  // Short values (ids, statuses, times) stay on one line; the one long
  // column of a table wraps instead, so narrow columns never break per letter.
  nowrap: { whiteSpace: 'nowrap' },
  stages: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(1),
  },
}));

function Section(props: { title: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <div className={classes.section}>
      <Typography variant="subtitle2" component="h4" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </div>
  );
}

function SimpleTable(props: {
  label: string;
  head: string[];
  rows: ReactNode[][];
  empty: string;
  /** The column with long text (a message, the phases), which may wrap. */
  wrapColumn?: number;
}) {
  const classes = useStyles();
  const cellClass = (j: number) =>
    j === props.wrapColumn ? undefined : classes.nowrap;
  if (props.rows.length === 0) {
    return <Typography variant="body2">{props.empty}</Typography>;
  }
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          {props.head.map((h, j) => (
            <TableCell key={h} className={cellClass(j)}>
              {h}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map((cells, i) => (
          <TableRow key={i}>
            {cells.map((c, j) => (
              <TableCell key={j} className={cellClass(j)}>
                {c}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Executions({ env }: { env: EnvironmentDeployment }) {
  const classes = useStyles();
  return (
    <SourceCell result={env.pipeline} source="pipeline" env={env}>
      {pipeline => (
        <>
          {pipeline.latestStageStates.length > 0 && (
            <div
              className={classes.stages}
              aria-label={`Stages of the latest ${env.environment} run`}
              role="list"
            >
              {pipeline.latestStageStates.map(stage => (
                <span role="listitem" key={stage.name}>
                  <RunStatusLabel
                    status={stage.status}
                    label={`${stage.name}: ${stage.status}`}
                  />
                </span>
              ))}
            </div>
          )}
          <SimpleTable
            label={`${env.environment} pipeline executions`}
            head={['Status', 'Commit', 'Started', 'Duration', '']}
            wrapColumn={1}
            empty="No pipeline runs yet."
            rows={pipeline.executions.map(e => [
              <RunStatusLabel status={e.status} label={e.rawStatus} />,
              e.sourceRevision ? (
                <span>
                  <span className={classes.mono}>
                    {shortSha(e.sourceRevision.commitId)}
                  </span>{' '}
                  {e.sourceRevision.message}
                </span>
              ) : (
                ''
              ),
              timeAgo(e.startedAt),
              duration(secondsBetween(e.startedAt, e.endedAt)),
              <Link to={e.consoleUrl}>Open</Link>,
            ])}
          />
        </>
      )}
    </SourceCell>
  );
}

function Builds({ env }: { env: EnvironmentDeployment }) {
  const classes = useStyles();
  return (
    <SourceCell result={env.builds} source="builds" env={env}>
      {builds => (
        <SimpleTable
          label={`${env.environment} builds`}
          head={['Build', 'Status', 'Commit', 'Phases', 'Logs']}
          wrapColumn={3}
          empty="No builds yet."
          rows={builds.builds.map(b => [
            <Link to={b.consoleUrl}>#{b.number ?? b.id.split(':').pop()}</Link>,
            <RunStatusLabel status={b.status} label={b.rawStatus} />,
            <span className={classes.mono}>
              {b.sourceVersion ? shortSha(b.sourceVersion) : ''}
            </span>,
            b.phases
              .map(
                p =>
                  `${p.name} ${duration(p.durationSeconds)}${
                    p.status === 'failed' ? ' (failed)' : ''
                  }`,
              )
              .join(' · '),
            b.logsUrl ? <Link to={b.logsUrl}>Logs</Link> : '',
          ])}
        />
      )}
    </SourceCell>
  );
}

function Images({ env }: { env: EnvironmentDeployment }) {
  const classes = useStyles();
  return (
    <SourceCell result={env.images} source="images" env={env}>
      {images => (
        <SimpleTable
          label={`${env.environment} image tags`}
          head={['Tags', 'Digest', 'Pushed', 'Scan']}
          wrapColumn={3}
          empty={`No images in ${images.repositoryName} yet.`}
          rows={images.images.map(i => [
            <span className={classes.mono}>
              {i.tags.join(', ') || '(untagged)'}
            </span>,
            <span className={classes.mono} title={i.digest}>
              {shortDigest(i.digest)}
            </span>,
            timeAgo(i.pushedAt),
            <ScanBadge scan={i.scan} />,
          ])}
        />
      )}
    </SourceCell>
  );
}

function Versions({ env }: { env: EnvironmentDeployment }) {
  const classes = useStyles();
  return (
    <SourceCell result={env.function} source="function" env={env}>
      {fn => (
        <SimpleTable
          label={`${env.environment} Lambda versions`}
          head={[
            'Version',
            'Aliases',
            'Image digest',
            'Description',
            'Published',
          ]}
          wrapColumn={3}
          empty="No published versions yet."
          rows={fn.versions.map(v => [
            v.version,
            fn.aliases
              .filter(
                a =>
                  a.version === v.version ||
                  (a.routing && v.version in a.routing),
              )
              .map(a =>
                a.version === v.version
                  ? a.name
                  : `${a.name} (${Math.round(
                      (a.routing?.[v.version] ?? 0) * 100,
                    )} %)`,
              )
              .join(', '),
            <span className={classes.mono} title={v.imageDigest}>
              {v.imageDigest ? shortDigest(v.imageDigest) : ''}
            </span>,
            v.description ?? '',
            timeAgo(v.lastModified),
          ])}
        />
      )}
    </SourceCell>
  );
}

const count = (r: { ok: boolean }, n: () => number, word: string) =>
  r.ok ? `${n()} ${word}${n() === 1 ? '' : 's'}` : `${word}s unavailable`;

/** One expandable panel per environment: runs, builds, images, versions. */
export function EnvironmentDetails(props: { env: EnvironmentDeployment }) {
  const { env } = props;
  const id = `lambda-details-${env.environment}`;
  const summary = [
    count(
      env.pipeline,
      () => (env.pipeline.ok ? env.pipeline.data.executions.length : 0),
      'run',
    ),
    count(
      env.builds,
      () => (env.builds.ok ? env.builds.data.builds.length : 0),
      'build',
    ),
    count(
      env.images,
      () => (env.images.ok ? env.images.data.images.length : 0),
      'image',
    ),
    count(
      env.function,
      () => (env.function.ok ? env.function.data.versions.length : 0),
      'version',
    ),
  ].join(' · ');
  return (
    <Accordion TransitionProps={{ unmountOnExit: true }} data-testid={id}>
      <AccordionSummary
        expandIcon={<ExpandMore />}
        aria-controls={`${id}-content`}
        id={`${id}-header`}
      >
        <Typography>
          <strong>{env.environment} details</strong> — {summary}
        </Typography>
      </AccordionSummary>
      <AccordionDetails id={`${id}-content`}>
        <Grid container spacing={2}>
          <Grid item xs={12} lg={6}>
            <Section title="Pipeline executions">
              <Executions env={env} />
            </Section>
          </Grid>
          <Grid item xs={12} lg={6}>
            <Section title="Builds">
              <Builds env={env} />
            </Section>
          </Grid>
          <Grid item xs={12} lg={6}>
            <Section title="Image tags">
              <Images env={env} />
            </Section>
          </Grid>
          <Grid item xs={12} lg={6}>
            <Section title="Lambda versions and aliases">
              <Versions env={env} />
            </Section>
          </Grid>
        </Grid>
      </AccordionDetails>
    </Accordion>
  );
}
