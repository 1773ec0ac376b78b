export interface Config {
  /** Lambda Paved Road: the environments apps are deployed to. */
  lambdaPavedRoad?: {
    /**
     * The domain apps are served under: `{env}-{app}.{domain}`, production
     * `{app}.{domain}`. An environment may override it.
     * @visibility frontend
     */
    domain?: string;
    /**
     * Default AWS region of every environment.
     * @visibility frontend
     */
    region?: string;
    /**
     * The environments, in promotion order (default dev, test, stage, prod).
     * @visibility frontend
     */
    environments: Array<{
      /**
       * Lowercase letters and digits, at most 10 characters.
       * @visibility frontend
       */
      name: string;
      /**
       * The branch that deploys here. Defaults to `main` for production, the
       * environment name otherwise.
       * @visibility frontend
       */
      branch?: string;
      /**
       * Whether this is production (URL without environment prefix).
       * Defaults to true for `prod`.
       * @visibility frontend
       */
      production?: boolean;
      /**
       * The account that runs CodePipeline and CodeBuild (12 digits).
       * @visibility frontend
       */
      deploymentsAccountId: string;
      /**
       * The account that holds ECR, Lambda and the ALB (12 digits).
       * @visibility frontend
       */
      workloadsAccountId: string;
      /**
       * AWS region; defaults to lambdaPavedRoad.region.
       * @visibility frontend
       */
      region?: string;
      /**
       * Overrides lambdaPavedRoad.domain for this environment.
       * @visibility frontend
       */
      domain?: string;
    }>;
  };
}
