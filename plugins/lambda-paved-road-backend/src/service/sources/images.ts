import { DescribeImagesCommand, ImageDetail } from '@aws-sdk/client-ecr';
import type { ImageInfo, ImagesInfo } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import type { AccountClients } from '../awsClients';
import { consoleLinks } from '../consoleLinks';
import { iso } from './status';

/** How many images the view shows (newest pushes; the environment's image always). */
export const IMAGES_SHOWN = 50;

function toImage(d: ImageDetail): ImageInfo {
  const counts = d.imageScanFindingsSummary?.findingSeverityCounts;
  return {
    digest: d.imageDigest!,
    tags: d.imageTags ?? [],
    pushedAt: iso(d.imagePushedAt),
    sizeBytes: d.imageSizeInBytes,
    scan:
      d.imageScanStatus || counts
        ? { status: d.imageScanStatus?.status, bySeverity: { ...(counts ?? {}) } }
        : undefined,
  };
}

/** The repository's images (one DescribeImages page of up to 1000) and the environment tag's digest. */
export async function readImages(
  clients: AccountClients,
  repositoryName: string,
  environmentTag: string,
): Promise<ImagesInfo> {
  const out = await clients.ecr.send(
    new DescribeImagesCommand({ repositoryName, registryId: clients.accountId, maxResults: 1000 }),
  );
  const all = (out.imageDetails ?? [])
    .map(toImage)
    .sort((a, b) => (b.pushedAt ?? '').localeCompare(a.pushedAt ?? ''));
  const tagged = all.find(i => i.tags.includes(environmentTag));
  const shown = all.slice(0, IMAGES_SHOWN);
  if (tagged && !shown.includes(tagged)) shown.push(tagged);
  return {
    repositoryName,
    repositoryUri: `${clients.accountId}.dkr.ecr.${clients.region}.amazonaws.com/${repositoryName}`,
    consoleUrl: consoleLinks.repository(clients.region, clients.accountId, repositoryName),
    images: shown,
    environmentTagDigest: tagged?.digest,
    environmentTag,
  };
}
