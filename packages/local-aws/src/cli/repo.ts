import fs from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { parse as parseYaml } from 'yaml';

// The CLIs run from source, never bundled: __dirname is the source dir.
// eslint-disable-next-line no-restricted-syntax
export const repoRoot = path.resolve(__dirname, '../../../..');

/** The portal's app-config.yaml, as the local CLIs read it. */
export function readAppConfig(): ConfigReader {
  return new ConfigReader(
    parseYaml(fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8')),
  );
}
