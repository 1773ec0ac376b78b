import crypto from 'node:crypto';

const sha256 = (s: string) => `sha256:${crypto.createHash('sha256').update(s).digest('hex')}`;

/**
 * A small valid Docker image manifest (schema 2) for one commit of an app:
 * the config blob carries the commit as a label, so each commit has its own
 * digest (ask ECR for it: moto computes it differently from a real registry).
 */
export function imageManifestFor(
  app: string,
  commitSha: string,
  architecture = 'arm64',
): string {
  const config = JSON.stringify({
    architecture,
    os: 'linux',
    config: {
      Cmd: ['app.handler'],
      Labels: { 'org.opencontainers.image.revision': commitSha, app },
    },
    rootfs: { type: 'layers', diff_ids: [sha256(`${app}:${commitSha}:layer`)] },
  });
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: {
      mediaType: 'application/vnd.docker.container.image.v1+json',
      size: config.length,
      digest: sha256(config),
    },
    layers: [
      {
        mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
        // A plausible size for a Python Lambda image layer.
        size: 48_000_000 + parseInt(commitSha.slice(0, 4), 16),
        digest: sha256(`${app}:${commitSha}:layer`),
      },
    ],
  });
}
