import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrerequisiteError, requireCommand } from './moto';

// Where machine images of this kind keep the hashicorp providers; the
// TF_PROVIDER_MIRROR variable overrides.
const KNOWN_MIRRORS = ['/opt/tf-plugins', '/usr/share/terraform/plugins'];

/** The filesystem mirror holding the hashicorp/aws provider. */
export function findProviderMirror(): string {
  const candidates = [process.env.TF_PROVIDER_MIRROR, ...KNOWN_MIRRORS].filter(
    (p): p is string => !!p,
  );
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, 'registry.terraform.io', 'hashicorp', 'aws'))) {
      return dir;
    }
  }
  throw new PrerequisiteError(
    `the hashicorp/aws Terraform provider was not found in ${candidates.join(
      ', ',
    )}: set TF_PROVIDER_MIRROR to a filesystem mirror that holds it`,
  );
}

/**
 * Writes a Terraform CLI config that installs hashicorp providers from the
 * local mirror (nothing can be downloaded here) and returns the environment
 * variables that select it. No plugin cache: `init` links an unpacked
 * mirror's providers in place, and a shared cache is not safe for the
 * concurrent inits the tests and the template run.
 */
export function terraformCliEnv(dir = path.join(os.tmpdir(), 'lpr-terraform')): {
  TF_CLI_CONFIG_FILE: string;
} {
  requireCommand('terraform', 'install Terraform 1.5 or newer (https://developer.hashicorp.com/terraform/install)');
  const mirror = findProviderMirror();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'terraformrc');
  // Written whole and renamed into place: tests call this concurrently.
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(
    partial,
    `provider_installation {
  filesystem_mirror {
    path    = "${mirror}"
    include = ["registry.terraform.io/hashicorp/*"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/*"]
  }
}
`,
  );
  fs.renameSync(partial, file);
  return { TF_CLI_CONFIG_FILE: file };
}
