/**
 * The naming rules of the paved road: every AWS resource name and URL of an
 * app in an environment is computed here, and only here. The template actions,
 * the Terraform variables and the backend all call {@link resourceNames}.
 */

/** A rule an app or environment name broke, with the limit it broke. @public */
export class NamingRuleError extends Error {
  readonly name = 'NamingRuleError';
  constructor(
    /** Stable identifier of the rule, e.g. `target-group-name-length`. */
    readonly rule: string,
    message: string,
    /** The limit, when the rule is a length limit. */
    readonly limit?: number,
  ) {
    super(message);
  }
}

/** One violation, as returned by {@link validateAppName}. @public */
export interface NamingViolation {
  rule: string;
  message: string;
  limit?: number;
}

/** The names and URL of one app in one environment. @public */
export interface ResourceNames {
  app: string;
  environment: string;
  functionName: string;
  functionAlias: string;
  ecrRepositoryName: string;
  pipelineName: string;
  codeBuildProjectName: string;
  targetGroupName: string;
  loadBalancerName: string;
  logGroupName: string;
  deployerRoleName: string;
  codeBuildRoleName: string;
  pipelineRoleName: string;
  artifactBucketPrefix: string;
  hostname: string;
  url: string;
}

/** Where an environment's names need more than the app and environment name. @public */
export interface NamingEnvironment {
  name: string;
  domain: string;
  /** Production environments get `{app}.{domain}`; the rest `{env}-{app}.{domain}`. */
  production?: boolean;
}

/** The alias the pipeline moves to each newly published version. @public */
export const LIVE_ALIAS = 'live';

/** AWS and DNS limits the generated names hit. @public */
export const NAME_LIMITS = {
  /** Lambda function name. */
  functionName: 64,
  /** ALB target group and load balancer names. */
  targetGroupName: 32,
  /** IAM role names. */
  roleName: 64,
  /** CodePipeline pipeline name. */
  pipelineName: 100,
  /** CodeBuild project name. */
  codeBuildProjectName: 255,
  /** ECR repository name. */
  ecrRepositoryName: 256,
  /** S3 bucket names (the artifact bucket prefix leaves room for the account id). */
  bucketName: 63,
  /** One DNS label. */
  dnsLabel: 63,
  /** A whole host name. */
  hostname: 253,
  /** An environment name, kept short so every derived name fits. */
  environmentName: 10,
} as const;

const APP_NAME_CHARSET = /^[a-z0-9-]+$/;
const ENV_NAME_PATTERN = /^[a-z][a-z0-9]*$/;
const DOMAIN_PATTERN =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * Prefixes and suffixes AWS or DNS reserve: ALB names may not start with
 * `internal-`, S3 buckets not with `xn--`/`sthree-` or end in `-s3alias`, and
 * `aws` prefixes are reserved by several services.
 */
const RESERVED_PREFIXES = ['aws', 'xn--', 'internal-', 'sthree-', 'amzn-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3'];

function check(
  violations: NamingViolation[],
  ok: boolean,
  rule: string,
  message: string,
  limit?: number,
) {
  if (!ok) violations.push({ rule, message, limit });
}

/**
 * Checks an environment name. Environment names become part of every resource
 * name, so they obey the same charset and a short length limit.
 * @public
 */
export function validateEnvironmentName(env: string): NamingViolation[] {
  const v: NamingViolation[] = [];
  check(
    v,
    ENV_NAME_PATTERN.test(env),
    'environment-name-charset',
    `Environment name "${env}" must be lowercase letters and digits, starting with a letter`,
  );
  check(
    v,
    env.length <= NAME_LIMITS.environmentName,
    'environment-name-length',
    `Environment name "${env}" is ${env.length} characters; at most ${NAME_LIMITS.environmentName} are allowed`,
    NAME_LIMITS.environmentName,
  );
  return v;
}

/**
 * Every rule an app name breaks, for the given environments (the longest
 * environment name decides the length limits). An empty list means valid.
 * @public
 */
export function validateAppName(
  app: string,
  environments: NamingEnvironment[] = [],
): NamingViolation[] {
  const v: NamingViolation[] = [];
  if (app.length === 0) {
    return [{ rule: 'app-name-required', message: 'App name is required' }];
  }
  check(
    v,
    app === app.toLowerCase(),
    'app-name-lowercase',
    `App name "${app}" must be lowercase (DNS names, ECR repositories and S3 buckets are lowercase)`,
  );
  check(
    v,
    APP_NAME_CHARSET.test(app.toLowerCase()),
    'app-name-charset',
    `App name "${app}" may contain only lowercase letters, digits and hyphens`,
  );
  check(
    v,
    /^[a-zA-Z]/.test(app),
    'app-name-leading-letter',
    `App name "${app}" must start with a letter (not a digit or hyphen)`,
  );
  check(
    v,
    !app.endsWith('-'),
    'app-name-trailing-hyphen',
    `App name "${app}" must not end with a hyphen`,
  );
  check(
    v,
    !app.includes('--'),
    'app-name-consecutive-hyphens',
    `App name "${app}" must not contain consecutive hyphens (ECR repository names forbid them)`,
  );
  const reservedPrefix = RESERVED_PREFIXES.find(p => app.startsWith(p));
  check(
    v,
    !reservedPrefix,
    'app-name-reserved',
    `App name "${app}" starts with "${reservedPrefix}", which AWS reserves`,
  );
  const reservedSuffix = RESERVED_SUFFIXES.find(s => app.endsWith(s));
  check(
    v,
    !reservedSuffix,
    'app-name-reserved',
    `App name "${app}" ends with "${reservedSuffix}", which AWS reserves`,
  );

  // Longest environment name first, so each length rule reports its worst case.
  const byLength = [...environments].sort(
    (a, b) => b.name.length - a.name.length,
  );
  for (const env of byLength) {
    const names = computeNames(app, env);
    const lengthRule = (
      what: string,
      rule: string,
      value: string,
      limit: number,
    ) =>
      check(
        v,
        value.length <= limit,
        rule,
        `App name "${app}" is too long for environment "${env.name}": the ${what} "${value}" would be ${value.length} characters; AWS allows at most ${limit}`,
        limit,
      );
    lengthRule(
      'ALB target group name',
      'target-group-name-length',
      names.targetGroupName,
      NAME_LIMITS.targetGroupName,
    );
    lengthRule(
      'Lambda function name',
      'function-name-length',
      names.functionName,
      NAME_LIMITS.functionName,
    );
    lengthRule(
      'IAM role name',
      'role-name-length',
      names.codeBuildRoleName.length > names.pipelineRoleName.length
        ? names.codeBuildRoleName
        : names.pipelineRoleName,
      NAME_LIMITS.roleName,
    );
    // bucket = prefix + '-' + 12-digit account id
    lengthRule(
      'S3 artifact bucket name',
      'bucket-name-length',
      `${names.artifactBucketPrefix}-123456789012`,
      NAME_LIMITS.bucketName,
    );
    const label = names.hostname.slice(
      0,
      names.hostname.length - env.domain.length - 1,
    );
    check(
      v,
      label.length <= NAME_LIMITS.dnsLabel,
      'dns-label-length',
      `App name "${app}" is too long for environment "${env.name}": the DNS label "${label}" would be ${label.length} characters; DNS allows at most ${NAME_LIMITS.dnsLabel}`,
      NAME_LIMITS.dnsLabel,
    );
    check(
      v,
      names.hostname.length <= NAME_LIMITS.hostname,
      'hostname-length',
      `The host name "${names.hostname}" would be ${names.hostname.length} characters; DNS allows at most ${NAME_LIMITS.hostname}`,
      NAME_LIMITS.hostname,
    );
  }
  // A length rule may fire for several environments: report it once.
  const seen = new Set<string>();
  return v.filter(x => {
    if (seen.has(x.rule)) return false;
    seen.add(x.rule);
    return true;
  });
}

function computeNames(app: string, env: NamingEnvironment): ResourceNames {
  const base = `${app}-${env.name}`;
  const hostname = env.production
    ? `${app}.${env.domain}`
    : `${env.name}-${app}.${env.domain}`;
  return {
    app,
    environment: env.name,
    functionName: base,
    functionAlias: LIVE_ALIAS,
    ecrRepositoryName: base,
    pipelineName: base,
    codeBuildProjectName: base,
    targetGroupName: base,
    loadBalancerName: base,
    logGroupName: `/aws/lambda/${base}`,
    deployerRoleName: `${base}-deployer`,
    codeBuildRoleName: `${base}-codebuild`,
    pipelineRoleName: `${base}-codepipeline`,
    artifactBucketPrefix: `${base}-artifacts`,
    hostname,
    url: `https://${hostname}`,
  };
}

/**
 * The names and URL of `app` in `env`. Throws a {@link NamingRuleError} naming
 * the first rule broken (and its limit) if any name would be invalid.
 * @public
 */
export function resourceNames(app: string, env: NamingEnvironment): ResourceNames {
  const envViolation = validateEnvironmentName(env.name)[0];
  if (envViolation) {
    throw new NamingRuleError(
      envViolation.rule,
      envViolation.message,
      envViolation.limit,
    );
  }
  if (!DOMAIN_PATTERN.test(env.domain)) {
    throw new NamingRuleError(
      'domain-format',
      `Domain "${env.domain}" of environment "${env.name}" is not a valid lowercase DNS name`,
    );
  }
  const violation = validateAppName(app, [env])[0];
  if (violation) {
    throw new NamingRuleError(violation.rule, violation.message, violation.limit);
  }
  return computeNames(app, env);
}

/**
 * The longest app name every given environment accepts, for form hints.
 * @public
 */
export function maxAppNameLength(environments: NamingEnvironment[]): number {
  const longestEnv = Math.max(0, ...environments.map(e => e.name.length));
  // The target group name `{app}-{env}` is the tightest limit.
  return NAME_LIMITS.targetGroupName - 1 - longestEnv;
}
