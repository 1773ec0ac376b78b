import type { Mend } from '../gateway';

/**
 * moto answers every container-image function with an empty
 * `ImageConfigResponse` (`{"ImageConfig":{"EntryPoint":[],"Command":[],
 * "WorkingDirectory":""}}`) where Lambda omits it when no image config was
 * set. Terraform then sees an `image_config` block it did not write, plans to
 * remove it, and because `publish = true` plans a new version on every plan.
 * Drops the empty answer; a non-empty one passes unchanged.
 */
export function lambdaEmptyImageConfigMend(): Mend {
  return {
    name: 'lambda-empty-image-config',
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
          !(c.EntryPoint?.length > 0) &&
          !(c.Command?.length > 0) &&
          !c.WorkingDirectory;
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
}
