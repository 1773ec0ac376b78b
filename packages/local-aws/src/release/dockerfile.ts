/** The RUN commands of one named stage of a Dockerfile, in order. */
export function stageRunCommands(dockerfile: string, stage: string): string[] {
  // Join continuation lines first, so a RUN spread over lines stays one command.
  const lines = dockerfile.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  const commands: string[] = [];
  let inStage = false;
  let found = false;
  for (const raw of lines) {
    const line = raw.trim();
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) {
      inStage = from[1]?.toLowerCase() === stage.toLowerCase();
      found ||= inStage;
      continue;
    }
    const run = /^RUN\s+(.+)$/i.exec(line);
    if (inStage && run) commands.push(run[1]);
  }
  if (!found) throw new Error(`the Dockerfile has no stage named "${stage}"`);
  return commands;
}
