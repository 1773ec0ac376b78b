export interface Config {
  /**
   * Lambda Paved Road. The environments (`lambdaPavedRoad.environments`) are
   * described by the -common package's schema; AWS accounts and roles come
   * from Backstage's `aws` configuration (@backstage/integration-aws-node).
   */
  lambdaPavedRoad?: {
    /** How long the backend keeps what it read from AWS. */
    cache?: {
      /**
       * Seconds each source (pipeline, builds, images, function, endpoint)
       * of an entity's environment is cached. Default 30.
       */
      ttlSeconds?: number;
      /**
       * Seconds what never changes is kept: finished CodeBuild builds, and
       * ALB target group ARNs looked up by name. Default 600.
       */
      stableTtlSeconds?: number;
    };
    /** How the backend calls AWS. */
    aws?: {
      /**
       * Milliseconds one AWS call attempt may take (connecting and waiting
       * for the answer) before it counts as a timeout. Default 5000.
       */
      timeoutMs?: number;
      /**
       * Attempts per AWS call, the first included; throttling and transient
       * errors are retried with exponential backoff. Default 3.
       */
      maxAttempts?: number;
    };
  };
}
