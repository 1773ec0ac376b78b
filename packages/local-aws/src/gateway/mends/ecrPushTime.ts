/**
 * ECR push-time mend. moto stamps an image with the moment PutImage ran, and
 * the harness cannot push in the past: a seeded history pushed within one
 * second would have equal push times and no order. The harness records when
 * an image "was" pushed, and DescribeImages answers with that time:
 *
 *   POST /_gateway/ecr/pushed-at  { accountId, region, repositoryName, imageDigest, pushedAt (ISO-8601) }
 *
 * Images without a record keep moto's time.
 */
import type { Mend } from '../gateway';
import { isOk, parseJson, withJsonBody } from './shared';

const key = (accountId: string, region: string, repository: string, digest: string) =>
  `${accountId}/${region}/${repository}@${digest}`;

export function ecrPushTimeMend(): Mend {
  let pushedAt = new Map<string, number>();
  return {
    name: 'ecr',
    async rewrite(call, response) {
      if (call.service !== 'ecr' || call.operation !== 'DescribeImages' || !isOk(response)) {
        return response;
      }
      if (pushedAt.size === 0 || !call.accountId || !call.region) return response;
      const out = parseJson(response.body);
      for (const detail of out?.imageDetails ?? []) {
        const at = pushedAt.get(key(call.accountId, call.region, detail.repositoryName, detail.imageDigest));
        if (at !== undefined) detail.imagePushedAt = at;
      }
      return withJsonBody(response, out);
    },
    async control(path, method, body: any) {
      if (path !== '/pushed-at' || method !== 'POST') return undefined;
      const missing = ['accountId', 'region', 'repositoryName', 'imageDigest', 'pushedAt'].filter(
        k => typeof body?.[k] !== 'string',
      );
      if (missing.length > 0) return { status: 400, body: { error: `missing ${missing.join(', ')}` } };
      const ms = Date.parse(body.pushedAt);
      if (Number.isNaN(ms)) return { status: 400, body: { error: `pushedAt "${body.pushedAt}" is not an ISO-8601 date` } };
      pushedAt.set(key(body.accountId, body.region, body.repositoryName, body.imageDigest), ms / 1000);
      return { status: 200, body: {} };
    },
    reset() {
      pushedAt = new Map();
    },
  };
}
