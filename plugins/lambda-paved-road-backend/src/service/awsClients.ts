import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { sharedCredentials } from './sharedCredentials';

/** The SDK clients the sources use, for one account in one region. */
export interface AccountClients {
  accountId: string;
  region: string;
  /** The role the backend acts as there, when a role is assumed. */
  roleArn?: string;
  codePipeline: CodePipelineClient;
  codeBuild: CodeBuildClient;
  ecr: ECRClient;
  lambda: LambdaClient;
  elb: ElasticLoadBalancingV2Client;
}

export interface AwsClientOptions {
  credentialsManager: AwsCredentialsManager;
  /** Per attempt: connecting and waiting for the answer. */
  timeoutMs: number;
  /** Attempts per call (standard retry mode: backoff, throttling retried). */
  maxAttempts: number;
}

/**
 * Creates SDK clients once per account + region and keeps them: a client
 * holds its connection pool and its cached credentials, so making one per
 * request would cost an STS call and a TLS handshake each time. The SDK
 * picks up AWS_ENDPOINT_URL by itself, which is how the local stack points
 * it at the emulator.
 */
export class AwsClientFactory {
  private readonly clients = new Map<string, Promise<AccountClients>>();

  constructor(private readonly options: AwsClientOptions) {}

  forAccount(accountId: string, region: string): Promise<AccountClients> {
    const key = `${accountId}/${region}`;
    let clients = this.clients.get(key);
    if (!clients) {
      clients = this.create(accountId, region);
      // A failure (e.g. no credentials configured) is not kept: retry next time.
      clients.catch(() => this.clients.delete(key));
      this.clients.set(key, clients);
    }
    return clients;
  }

  private async create(accountId: string, region: string): Promise<AccountClients> {
    const provider = await this.options.credentialsManager.getCredentialProvider({ accountId });
    const config = {
      region,
      credentials: sharedCredentials(provider.sdkCredentialProvider),
      maxAttempts: this.options.maxAttempts,
      retryMode: 'standard',
      requestHandler: {
        connectionTimeout: this.options.timeoutMs,
        requestTimeout: this.options.timeoutMs,
        // Without it the SDK only logs a warning and keeps waiting.
        throwOnRequestTimeout: true,
      },
    };
    return {
      accountId,
      region,
      roleArn: provider.roleArn,
      codePipeline: new CodePipelineClient(config),
      codeBuild: new CodeBuildClient(config),
      ecr: new ECRClient(config),
      lambda: new LambdaClient(config),
      elb: new ElasticLoadBalancingV2Client(config),
    };
  }
}
