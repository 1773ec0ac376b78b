import { InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';

/** An answer of the GitHub API other than the one expected. */
export class GithubApiError extends Error {
  readonly name = 'GithubApiError';
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/**
 * The few GitHub REST calls the actions need, over fetch. The token comes
 * from the task (a user's OAuth token) or the `integrations.github`
 * credentials, and never appears in an error or the log.
 */
export class GithubClient {
  static async create(options: {
    integrations: ScmIntegrationRegistry;
    host: string;
    owner: string;
    repo: string;
    token?: string;
  }): Promise<GithubClient> {
    const { integrations, host, owner, repo } = options;
    const integration = integrations.github.byHost(host);
    if (!integration) {
      throw new InputError(`No GitHub integration is configured for host ${host}`);
    }
    let token = options.token;
    if (!token) {
      const provider = DefaultGithubCredentialsProvider.fromIntegrations(integrations);
      token = (await provider.getCredentials({ url: `https://${host}/${owner}/${repo}` })).token;
    }
    if (!token) {
      throw new InputError(
        `No GitHub credentials for ${host}/${owner}: configure a token or an app under integrations.github`,
      );
    }
    const apiBaseUrl = integration.config.apiBaseUrl ?? 'https://api.github.com';
    return new GithubClient(apiBaseUrl, owner, repo, token);
  }

  private constructor(
    private readonly apiBaseUrl: string,
    readonly owner: string,
    readonly repo: string,
    private readonly token: string,
  ) {}

  /** Calls `/repos/{owner}/{repo}{path}`; `accept` lists statuses that are not errors. */
  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    accept: number[] = [],
  ): Promise<{ status: number; data: T }> {
    const url = `${this.apiBaseUrl}/repos/${this.owner}/${this.repo}${path}`;
    const res = await fetch(url, {
      method,
      headers: {
        Accept: 'application/vnd.github+json',
        Authorization: `Bearer ${this.token}`,
        'X-GitHub-Api-Version': '2022-11-28',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const data = text ? JSON.parse(text) : undefined;
    if (!res.ok && !accept.includes(res.status)) {
      throw new GithubApiError(
        `GitHub ${method} /repos/${this.owner}/${this.repo}${path} answered ${res.status}: ${data?.message ?? res.statusText}`,
        res.status,
      );
    }
    return { status: res.status, data };
  }

  /** The commit SHA a branch points at, or undefined when it does not exist. */
  async branchSha(branch: string): Promise<string | undefined> {
    const { status, data } = await this.request(
      'GET',
      `/git/ref/heads/${encodeURIComponent(branch)}`,
      undefined,
      [404],
    );
    return status === 404 ? undefined : data.object.sha;
  }

  /** Creates `branch` at `sha`; an existing branch is left as it is. */
  async ensureBranch(branch: string, sha: string): Promise<'created' | 'existed'> {
    const { status, data } = await this.request(
      'POST',
      '/git/refs',
      { ref: `refs/heads/${branch}`, sha },
      [422],
    );
    if (status !== 422) return 'created';
    // 422 is also GitHub's answer to a bad SHA: only an existing branch is fine.
    if ((await this.branchSha(branch)) === undefined) {
      throw new GithubApiError(
        `GitHub refused to create branch ${branch}: ${data?.message ?? 'unprocessable'}`,
        422,
      );
    }
    return 'existed';
  }
}
