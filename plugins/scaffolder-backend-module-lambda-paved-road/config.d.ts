export interface Config {
  lambdaPavedRoad?: {
    /**
     * Where the template creates application repositories.
     */
    repositories?: {
      /**
       * `github` publishes with `publish:github` and creates protected
       * environment branches; `local` creates a git repository on the
       * backend's disk (the local stack). Default: `github` when an
       * `integrations.github` entry has a token or an app, `local` otherwise.
       */
      mode?: 'github' | 'local';
    };
    /**
     * Local git repositories (repositories.mode `local`).
     */
    localRepositories?: {
      /**
       * Directory holding the repositories, one `{owner}/{repo}` folder each.
       * Relative paths resolve against the backend's working directory.
       * Default: `lambda-paved-road/repositories` under the OS temp directory.
       */
      directory?: string;
    };
    /**
     * How the template provisions each environment's infrastructure.
     */
    provisioning?: {
      /**
       * `apply` runs Terraform from the backend and streams its output into
       * the task log; `pull-request` opens a pull request with the same root
       * modules on `pullRequest.repoUrl`. Default: `apply`.
       */
      mode?: 'apply' | 'pull-request';
      /**
       * CodeConnections connection ARN the pipelines read the repository
       * through. `{region}`, `{deploymentsAccountId}` and `{environment}` are
       * replaced per environment.
       */
      connectionArn: string;
      /**
       * The image a new function starts with until its pipeline deploys the
       * real one (Lambda needs an image at creation). Placeholders as for
       * connectionArn plus `{workloadsAccountId}` and `{ecrRepositoryName}`.
       */
      placeholderImageUri: string;
      /**
       * Extra variables of the composition set for every environment, e.g.
       * `tags`, `log_retention_days`, `force_destroy`.
       */
      variables?: { [name: string]: any };
      /**
       * Per-environment extra variables, keyed by environment name, e.g.
       * `{ prod: { variables: { vpc_id: vpc-…, subnet_ids: [...] } } }`.
       */
      environments?: {
        [environment: string]: {
          /** Variables of the composition for this environment only. */
          variables?: { [name: string]: any };
        };
      };
      terraform: {
        /**
         * Source of the app-environment composition: a local path (relative
         * to the backend's working directory) in the local stack, a versioned
         * git or registry source in real use, e.g.
         * `git::https://github.com/acme/lambda-paved-road.git//terraform/modules/app-environment?ref=v1.4.0`.
         */
        moduleSource: string;
        /**
         * Version constraint, only for registry sources.
         */
        moduleVersion?: string;
        /**
         * Where root modules are rendered and applied, one
         * `{app}/{environment}` folder each; kept so that a retried task
         * resumes. Default: `lambda-paved-road/terraform` under the OS temp
         * directory.
         */
        workingDirectory?: string;
        /** The Terraform CLI. Default: `terraform` on PATH. */
        binary?: string;
        /**
         * Whether Terraform inherits the backend's environment (AWS
         * credentials, AWS_ENDPOINT_URL, TF_CLI_CONFIG_FILE…). Default: true.
         */
        inheritEnv?: boolean;
        /**
         * Extra environment of the Terraform CLI (e.g. TF_CLI_CONFIG_FILE).
         * Values are redacted from the task log.
         * @visibility secret
         */
        env?: { [name: string]: string };
        /**
         * How many environments `apply` mode applies at once, started in
         * promotion order (dev, test, …). Their applies are independent:
         * each environment has its own root module, state and accounts.
         * Each running apply is a Terraform process plus its provider
         * plugins (~0.75 GB of memory, measured against moto). `1` applies
         * one environment at a time. Not Terraform's own `-parallelism`
         * (resource operations within one apply, left at Terraform's
         * default). A whole number of at least 1. Default: 4.
         */
        parallelism?: number;
        /** Terraform state: one state per app and environment. */
        state?: {
          /** `local` (a directory, the local stack) or `s3`. Default: `local`. */
          backend?: 'local' | 's3';
          /**
           * Local state directory. Default: `state` under workingDirectory.
           */
          directory?: string;
          /** S3 backend settings (backend `s3`). */
          s3?: {
            /** State bucket. */
            bucket: string;
            /** State bucket region. */
            region: string;
            /** Key prefix; the key is `{keyPrefix}/{app}/{environment}/terraform.tfstate`. Default: `lambda-paved-road`. */
            keyPrefix?: string;
            /** Use S3 native state locking (Terraform 1.10+). Default: true. */
            useLockfile?: boolean;
            /** Role Terraform assumes to reach the state bucket. */
            roleArn?: string;
          };
        };
      };
      /** Pull request mode. */
      pullRequest?: {
        /**
         * The infrastructure repository, as a RepoUrlPicker value:
         * `github.com?owner=acme&repo=infrastructure`.
         */
        repoUrl: string;
        /** Base branch of the pull request. Default: the repository's `main`. */
        baseBranch?: string;
        /**
         * Folder of each root module; `{app}` and `{environment}` are
         * replaced. Default: `apps/{app}/{environment}`.
         */
        directory?: string;
      };
    };
  };
}
