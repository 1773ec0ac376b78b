import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { EndpointInfo } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import type { AccountClients } from '../awsClients';
import { SourceNotFoundError } from '../sourceErrors';
import type { StableCache } from '../stableCache';

/**
 * The URL; for external apps also the ALB target group's health: one call
 * when the function's tag names the target group (the workload module sets
 * it), else the group is first looked up by name.
 */
export async function readEndpoint(
  clients: AccountClients | undefined,
  url: string,
  exposure: 'internal' | 'external',
  targetGroupName: string,
  taggedArn: Promise<string | undefined>,
  stable?: StableCache,
): Promise<EndpointInfo> {
  if (exposure === 'internal' || !clients) return { url, exposure };
  const lookUp = async () => {
    const groups = await clients.elb.send(new DescribeTargetGroupsCommand({ Names: [targetGroupName] }));
    const found = groups.TargetGroups?.[0]?.TargetGroupArn;
    if (!found) throw new SourceNotFoundError(`no target group ${targetGroupName}`);
    return found;
  };
  // A target group's ARN never changes while it exists.
  const arn =
    (await taggedArn) ??
    (stable
      ? await stable.getOrLoad(`target-group:${clients.accountId}:${clients.region}:${targetGroupName}`, lookUp)
      : await lookUp());
  const health = await clients.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }));
  return {
    url,
    exposure,
    targetGroupName,
    targetHealth: (health.TargetHealthDescriptions ?? []).map(t => ({
      id: t.Target?.Id ?? 'unknown',
      state: t.TargetHealth?.State ?? 'unknown',
      reason: t.TargetHealth?.Reason,
      description: t.TargetHealth?.Description,
    })),
  };
}
