import { parse as parseYaml } from 'yaml';

/** CodeBuild's phases, in the order it runs them. */
export const BUILDSPEC_PHASES = ['install', 'pre_build', 'build', 'post_build'] as const;

export interface Buildspec {
  shell: string;
  variables: Record<string, string>;
  phases: Array<{ name: (typeof BUILDSPEC_PHASES)[number]; commands: string[] }>;
}

/** Reads a buildspec (version 0.2) into what the release runner needs. */
export function parseBuildspec(text: string): Buildspec {
  const doc = parseYaml(text) ?? {};
  if (String(doc.version) !== '0.2') {
    throw new Error(`buildspec version ${doc.version} is not supported (expected 0.2)`);
  }
  const phases = BUILDSPEC_PHASES.flatMap(name => {
    const commands = doc.phases?.[name]?.commands;
    if (!commands) return [];
    if (!Array.isArray(commands) || commands.some(c => typeof c !== 'string')) {
      throw new Error(`buildspec phases.${name}.commands must be a list of strings`);
    }
    return [{ name, commands }];
  });
  if (phases.length === 0) throw new Error('buildspec has no phases with commands');
  return {
    shell: doc.env?.shell ?? 'bash',
    variables: Object.fromEntries(
      Object.entries(doc.env?.variables ?? {}).map(([k, v]) => [k, String(v)]),
    ),
    phases,
  };
}

/**
 * One shell script that runs every phase's commands in one shell, as CodeBuild
 * does (variables exported in one phase are seen by the next). Each command
 * is sourced from its own file so a multi-line command keeps its meaning, and
 * a marker line before each phase tells the runner where a failure happened.
 */
export function buildspecScript(spec: Buildspec, commandFile: (i: number) => string): {
  script: string;
  commands: string[];
} {
  const commands: string[] = [];
  const lines = ['set -o pipefail'];
  for (const phase of spec.phases) {
    lines.push(`echo "::phase::${phase.name.toUpperCase()}"`);
    for (const command of phase.commands) {
      const file = commandFile(commands.length);
      commands.push(command);
      // Not `. file || exit`: errexit is ignored inside an `||` list, and the
      // buildspec's own `set -e` must keep its meaning.
      lines.push(`. '${file}'`, '__rc=$?; if [ "$__rc" -ne 0 ]; then exit "$__rc"; fi');
    }
  }
  lines.push('echo "::phase::COMPLETED"');
  return { script: `${lines.join('\n')}\n`, commands };
}
