/**
 * ECR image-details mend. What moto cannot give a seeded history:
 * - it stamps an image with the moment PutImage ran, and nothing can push in
 *   the past: a history pushed within one second has equal push times and
 *   no order;
 * - it never scans an image, so DescribeImages has no scan status or
 *   findings even for a repository with scan on push.
 * The harness records when an image "was" pushed and what its scan found,
 * and DescribeImages answers with that:
 *
 *   POST /_gateway/ecr/image-details
 *     { accountId, region, repositoryName, imageDigest,
 *       pushedAt?: ISO-8601, scanFindings?: { CRITICAL?: n, HIGH?: n, … } }
 *
 * Images without a record keep moto's answer.
 */
import type { Mend } from '../gateway';
import { isOk, parseJson, withJsonBody } from './shared';

interface RecordedDetails {
  pushedAt?: number;
  scanFindings?: Record<string, number>;
}

const key = (accountId: string, region: string, repository: string, digest: string) =>
  `${accountId}/${region}/${repository}@${digest}`;

export function ecrImageDetailsMend(): Mend {
  let details = new Map<string, RecordedDetails>();
  return {
    name: 'ecr',
    async rewrite(call, response) {
      if (call.service !== 'ecr' || call.operation !== 'DescribeImages' || !isOk(response)) {
        return response;
      }
      if (details.size === 0 || !call.accountId || !call.region) return response;
      const out = parseJson(response.body);
      for (const detail of out?.imageDetails ?? []) {
        const recorded = details.get(key(call.accountId, call.region, detail.repositoryName, detail.imageDigest));
        if (!recorded) continue;
        if (recorded.pushedAt !== undefined) detail.imagePushedAt = recorded.pushedAt;
        if (recorded.scanFindings) {
          detail.imageScanStatus = { status: 'COMPLETE', description: 'The scan was completed successfully.' };
          detail.imageScanFindingsSummary = {
            imageScanCompletedAt: detail.imagePushedAt,
            findingSeverityCounts: recorded.scanFindings,
          };
        }
      }
      return withJsonBody(response, out);
    },
    async control(path, method, body: any) {
      if (path !== '/image-details' || method !== 'POST') return undefined;
      const missing = ['accountId', 'region', 'repositoryName', 'imageDigest'].filter(
        k => typeof body?.[k] !== 'string',
      );
      if (missing.length > 0) return { status: 400, body: { error: `missing ${missing.join(', ')}` } };
      const recorded: RecordedDetails = {};
      if (body.pushedAt !== undefined) {
        const ms = Date.parse(body.pushedAt);
        if (Number.isNaN(ms)) {
          return { status: 400, body: { error: `pushedAt "${body.pushedAt}" is not an ISO-8601 date` } };
        }
        recorded.pushedAt = ms / 1000;
      }
      if (body.scanFindings !== undefined) {
        const counts = body.scanFindings;
        const bad = Object.entries(counts ?? {}).find(([, n]) => !Number.isInteger(n) || (n as number) < 0);
        if (typeof counts !== 'object' || bad) {
          return { status: 400, body: { error: 'scanFindings must map severities to counts ≥ 0' } };
        }
        recorded.scanFindings = counts;
      }
      details.set(key(body.accountId, body.region, body.repositoryName, body.imageDigest), recorded);
      return { status: 200, body: {} };
    },
    reset() {
      details = new Map();
    },
  };
}
