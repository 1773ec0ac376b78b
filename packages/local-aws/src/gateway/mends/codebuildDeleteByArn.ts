import type { Mend } from '../gateway';

/**
 * Terraform deletes a CodeBuild project by its ARN (the resource id), which
 * CodeBuild accepts; moto looks the value up as a name only, finds nothing,
 * answers 200 and keeps the project. Passes moto the name instead.
 */
export function codeBuildDeleteByArnMend(): Mend {
  return {
    name: 'codebuild-delete-by-arn',
    async handle(call, ctx) {
      if (call.service !== 'codebuild' || call.operation !== 'DeleteProject')
        return undefined;
      let input: any;
      try {
        input = JSON.parse(call.body.toString('utf8'));
      } catch {
        return undefined;
      }
      const m = /^arn:[^:]+:codebuild:[^:]+:\d{12}:project\/(.+)$/.exec(
        String(input?.name ?? ''),
      );
      if (!m) return undefined;
      return ctx.forward({
        ...call,
        body: Buffer.from(JSON.stringify({ ...input, name: m[1] })),
      });
    },
  };
}
