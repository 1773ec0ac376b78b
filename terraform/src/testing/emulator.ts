/**
 * The emulator for the Terraform tests: `@lambda-paved-road/local-aws`
 * (moto behind its gateway) plus one mend of our own for what Terraform's Go
 * SDK trips over and the harness does not mend yet.
 */
import { startLocalAws } from '@lambda-paved-road/local-aws';
import type { LocalAws, Mend } from '@lambda-paved-road/local-aws';
// Not re-exported by the package index; the defaults must stay in front.
import { defaultMends } from '@lambda-paved-road/local-aws/src/gateway/mends';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * moto answers CodePipeline's `metadata.created/updated` (GetPipeline,
 * ListPipelines' `created/updated`) as ISO strings where the AWS JSON
 * protocol has epoch seconds; the Go SDK (Terraform) refuses the response:
 * "expected Timestamp to be a JSON Number, got string instead".
 * Rewrites those strings into numbers; numbers pass unchanged, so it is a
 * no-op once the harness mends the same thing.
 */
export const codePipelineTimestampsMend: Mend = {
  name: 'terraform-codepipeline-timestamps',
  async rewrite(call, response) {
    if (call.service !== 'codepipeline' || response.status !== 200) return response;
    let doc: unknown;
    try {
      doc = JSON.parse(response.body.toString('utf8'));
    } catch {
      return response;
    }
    let changed = false;
    const visit = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        for (const [k, x] of Object.entries(o)) {
          if (
            (k === 'created' || k === 'updated' || k === 'pollingDisabledAt') &&
            typeof x === 'string' &&
            ISO.test(x)
          ) {
            o[k] = Date.parse(x.endsWith('Z') || /[+-]\d{2}:?\d{2}$/.test(x) ? x : `${x}Z`) / 1000;
            changed = true;
          } else visit(x);
        }
      }
    };
    visit(doc);
    if (!changed) return response;
    return { ...response, body: Buffer.from(JSON.stringify(doc)) };
  },
};

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

/** The mends this package adds after the harness's own. */
export const terraformMends: Mend[] = [codePipelineTimestampsMend, lambdaEmptyImageConfigMend];

/** Starts moto and the gateway with the harness's mends plus ours. */
export function startEmulator(): Promise<LocalAws> {
  return startLocalAws({ mends: [...defaultMends(), ...terraformMends] });
}
