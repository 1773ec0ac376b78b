/**
 * The emulator for the Terraform tests: `@lambda-paved-road/local-aws`
 * (moto behind its gateway, with its default mends) plus one mend of our own
 * for a moto answer that makes Terraform plan a change forever.
 */
import { startLocalAws } from '@lambda-paved-road/local-aws';
import type { LocalAws, Mend } from '@lambda-paved-road/local-aws';
// Not re-exported by the package index; the defaults must stay in front.
import { defaultMends } from '@lambda-paved-road/local-aws/src/gateway/mends';

/**
 * moto answers every container-image function with an empty
 * `ImageConfigResponse` (`{"ImageConfig":{"EntryPoint":[],"Command":[],
 * "WorkingDirectory":""}}`) where Lambda omits it when no image config was
 * set. Terraform then sees an `image_config` block it did not write, plans to
 * remove it, and because `publish = true` plans a new version on every plan.
 * Drops the empty answer; a non-empty one passes unchanged.
 */
export const lambdaEmptyImageConfigMend: Mend = {
  name: 'terraform-lambda-empty-image-config',
  async rewrite(call, response) {
    if (call.service !== 'lambda' || response.status >= 300) return response;
    if (!response.body.includes('ImageConfigResponse')) return response;
    let doc: any;
    try {
      doc = JSON.parse(response.body.toString('utf8'));
    } catch {
      return response;
    }
    let changed = false;
    const strip = (conf: any) => {
      const ic = conf?.ImageConfigResponse;
      if (!ic || ic.Error) return;
      const c = ic.ImageConfig ?? {};
      const empty =
        !(c.EntryPoint?.length > 0) && !(c.Command?.length > 0) && !c.WorkingDirectory;
      if (empty) {
        delete conf.ImageConfigResponse;
        changed = true;
      }
    };
    strip(doc); // CreateFunction, GetFunctionConfiguration, Update*, PublishVersion
    strip(doc?.Configuration); // GetFunction
    for (const f of doc?.Functions ?? []) strip(f); // ListFunctions
    for (const v of doc?.Versions ?? []) strip(v); // ListVersionsByFunction
    if (!changed) return response;
    return { ...response, body: Buffer.from(JSON.stringify(doc)) };
  },
};

/**
 * Terraform deletes a CodeBuild project by its ARN (the resource id), which
 * CodeBuild accepts; moto looks the value up as a name only, finds nothing,
 * answers 200 and keeps the project. Passes moto the name instead.
 */
export const codeBuildDeleteByArnMend: Mend = {
  name: 'terraform-codebuild-delete-by-arn',
  async handle(call, ctx) {
    if (call.service !== 'codebuild' || call.operation !== 'DeleteProject') return undefined;
    let input: any;
    try {
      input = JSON.parse(call.body.toString('utf8'));
    } catch {
      return undefined;
    }
    const m = /^arn:[^:]+:codebuild:[^:]+:\d{12}:project\/(.+)$/.exec(String(input?.name ?? ''));
    if (!m) return undefined;
    return ctx.forward({ ...call, body: Buffer.from(JSON.stringify({ ...input, name: m[1] })) });
  },
};

/** The mends this package adds after the harness's own. */
export const terraformMends: Mend[] = [lambdaEmptyImageConfigMend, codeBuildDeleteByArnMend];

/** Starts moto and the gateway with the harness's mends plus ours. */
export function startEmulator(): Promise<LocalAws> {
  return startLocalAws({ mends: [...defaultMends(), ...terraformMends] });
}
