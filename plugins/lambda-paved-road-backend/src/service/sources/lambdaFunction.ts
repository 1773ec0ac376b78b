import {
  FunctionConfiguration,
  GetFunctionCommand,
  ListAliasesCommand,
  ListVersionsByFunctionCommand,
} from '@aws-sdk/client-lambda';
import type { FunctionInfo, FunctionVersion } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import type { AccountClients } from '../awsClients';
import { consoleLinks } from '../consoleLinks';

/** Lambda lists versions oldest first, 50 a page: read at most this many pages. */
const MAX_VERSION_PAGES = 4;
/** How many versions the view shows. */
export const VERSIONS_SHOWN = 20;

/** For a container image, `CodeSha256` is the image manifest's digest. */
const digestOf = (c: FunctionConfiguration) =>
  c.PackageType === 'Image' && c.CodeSha256 ? `sha256:${c.CodeSha256}` : undefined;

async function listVersions(clients: AccountClients, name: string): Promise<FunctionConfiguration[]> {
  const versions: FunctionConfiguration[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_VERSION_PAGES; page++) {
    const out = await clients.lambda.send(
      new ListVersionsByFunctionCommand({ FunctionName: name, Marker: marker }),
    );
    versions.push(...(out.Versions ?? []));
    marker = out.NextMarker;
    if (!marker) break;
  }
  return versions;
}

/**
 * The function: configuration, code, concurrency, tags, versions and
 * aliases. Three calls, in parallel; `onTags` hears the tags as soon as
 * GetFunction answers, before the versions' pages are read.
 */
export async function readFunction(
  clients: AccountClients,
  name: string,
  onTags?: (tags: Record<string, string>) => void,
): Promise<FunctionInfo> {
  const [fn, versions, aliases] = await Promise.all([
    clients.lambda.send(new GetFunctionCommand({ FunctionName: name })).then(out => {
      onTags?.(out.Tags ?? {});
      return out;
    }),
    listVersions(clients, name),
    clients.lambda.send(new ListAliasesCommand({ FunctionName: name })),
  ]);
  const c = fn.Configuration ?? {};
  const resolved = fn.Code?.ResolvedImageUri;
  const published: FunctionVersion[] = versions
    .filter(v => v.Version && v.Version !== '$LATEST')
    .sort((a, b) => Number(b.Version) - Number(a.Version))
    .slice(0, VERSIONS_SHOWN)
    .map(v => ({
      version: v.Version!,
      imageDigest: digestOf(v),
      description: v.Description || undefined,
      lastModified: v.LastModified,
    }));
  return {
    name,
    arn: c.FunctionArn ?? `arn:aws:lambda:${clients.region}:${clients.accountId}:function:${name}`,
    consoleUrl: consoleLinks.function(clients.region, name),
    state: c.State,
    stateReason: c.StateReason,
    lastUpdateStatus: c.LastUpdateStatus,
    lastUpdateStatusReason: c.LastUpdateStatusReason,
    lastModified: c.LastModified,
    imageUri: fn.Code?.ImageUri,
    resolvedImageDigest: resolved?.includes('@') ? resolved.slice(resolved.indexOf('@') + 1) : digestOf(c),
    architecture: c.Architectures?.[0],
    memoryMb: c.MemorySize,
    timeoutSeconds: c.Timeout,
    reservedConcurrency: fn.Concurrency?.ReservedConcurrentExecutions,
    tags: fn.Tags ?? {},
    versions: published,
    aliases: (aliases.Aliases ?? []).map(a => ({
      name: a.Name!,
      version: a.FunctionVersion!,
      routing: a.RoutingConfig?.AdditionalVersionWeights,
    })),
  };
}
