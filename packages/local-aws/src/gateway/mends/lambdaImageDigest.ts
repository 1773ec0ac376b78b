/**
 * Lambda image digest mend. What moto gets wrong: with its default ECR stub
 * (MOTO_LAMBDA_STUB_ECR), a container-image function's `CodeSha256` and
 * `Code.ResolvedImageUri` are the SHA-256 of the image URI *string*, not the
 * digest of the image in ECR. Real Lambda resolves the tag to the image's
 * manifest digest when the code is set (CreateFunction, UpdateFunctionCode),
 * keeps it per published version, and reports it in both fields. Anything
 * that maps "which image runs here" back to an ECR tag needs the real digest.
 *
 * The mend resolves the tag in moto's ECR (on the caller's behalf) whenever
 * code is set, remembers the digest for `$LATEST` and for each version
 * published from it, and rewrites the two fields in every configuration it
 * returns. Starting moto with MOTO_LAMBDA_STUB_ECR=false makes moto do the
 * same; the mend then changes nothing.
 */
import type { Mend, MendContext } from '../gateway';
import type { AwsCall } from '../requestInfo';
import { callAs, isOk, parseJson, withJsonBody } from './shared';

const ARN = /^arn:[^:]+:lambda:([^:]+):(\d{12}):function:([^:]+)(?::(.+))?$/;
const IMAGE_URI = /^(\d{12})\.dkr\.ecr\.([^.]+)\.amazonaws\.com[^/]*\/([^:@]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?$/;

const functionKey = (arn: unknown) => {
  const m = typeof arn === 'string' ? ARN.exec(arn) : null;
  return m ? `${m[2]}/${m[1]}/${m[3]}` : undefined;
};

/** The Lambda image digest mend (see the file comment). */
export function lambdaImageDigestMend(): Mend {
  // function key → version ('$LATEST', '1', …) → sha256:… digest
  let digests = new Map<string, Map<string, string>>();

  const remember = (key: string, version: string, digest: string) => {
    if (!digests.has(key)) digests.set(key, new Map());
    digests.get(key)!.set(version, digest);
  };

  const resolve = async (
    call: AwsCall,
    ctx: MendContext,
    imageUri: unknown,
  ): Promise<string | undefined> => {
    const m = typeof imageUri === 'string' ? IMAGE_URI.exec(imageUri) : null;
    if (!m) return undefined;
    const [, registryId, , repositoryName, tag, digest] = m;
    if (digest) return digest;
    const res = await ctx.forward(
      callAs(call, 'ecr', 'AmazonEC2ContainerRegistry_V20150921.DescribeImages', {
        registryId,
        repositoryName,
        imageIds: [{ imageTag: tag ?? 'latest' }],
      }),
    );
    if (!isOk(res)) return undefined;
    return parseJson(res.body)?.imageDetails?.[0]?.imageDigest;
  };

  /** Puts the remembered digest into one function configuration. */
  const fix = (config: any, code?: any) => {
    const key = functionKey(config?.FunctionArn);
    const digest = key ? digests.get(key)?.get(config.Version ?? '$LATEST') : undefined;
    if (!digest) return;
    config.CodeSha256 = digest.replace(/^sha256:/, '');
    if (code?.ImageUri) {
      code.ResolvedImageUri = `${String(code.ImageUri).split(/[:@]/)[0]}@${digest}`;
    }
  };

  return {
    name: 'lambda-image-digest',

    async rewrite(call, response, ctx) {
      if (call.service !== 'lambda' || !isOk(response)) return response;
      const out = parseJson(response.body);
      if (!out) return response;
      switch (call.operation) {
        case 'CreateFunction':
        case 'UpdateFunctionCode': {
          const input = parseJson(call.body);
          const imageUri = call.operation === 'CreateFunction' ? input?.Code?.ImageUri : input?.ImageUri;
          const key = functionKey(out.FunctionArn);
          if (!imageUri || !key) return response;
          const digest = await resolve(call, ctx, imageUri);
          if (!digest) return response;
          remember(key, '$LATEST', digest);
          if (out.Version && out.Version !== '$LATEST') remember(key, out.Version, digest);
          fix(out);
          return withJsonBody(response, out);
        }
        case 'PublishVersion': {
          const key = functionKey(out.FunctionArn);
          const latest = key ? digests.get(key)?.get('$LATEST') : undefined;
          // Publishing an unchanged function returns the existing version: keep its digest.
          if (key && latest && out.Version && !digests.get(key)?.has(out.Version)) {
            remember(key, out.Version, latest);
          }
          fix(out);
          return withJsonBody(response, out);
        }
        case 'GetFunction':
          fix(out.Configuration, out.Code);
          return withJsonBody(response, out);
        case 'GetFunctionConfiguration':
          fix(out);
          return withJsonBody(response, out);
        case 'ListVersionsByFunction':
          for (const v of out.Versions ?? []) fix(v);
          return withJsonBody(response, out);
        case 'ListFunctions':
          for (const f of out.Functions ?? []) fix(f);
          return withJsonBody(response, out);
        default:
          return response;
      }
    },

    reset() {
      digests = new Map();
    },
  };
}
