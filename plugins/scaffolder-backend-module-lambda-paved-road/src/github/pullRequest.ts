import type { GithubClient } from './GithubClient';

/**
 * Commits `files` onto `branch` (created from the base branch, or moved to
 * the new commit when a retried task finds it) and opens a pull request, or
 * returns the open one for that branch. Safe to call again.
 */
export async function openPullRequest(
  client: GithubClient,
  options: {
    baseBranch?: string;
    branch: string;
    title: string;
    body: string;
    files: Record<string, string>;
  },
): Promise<{ url: string; number: number; created: boolean }> {
  const base =
    options.baseBranch ?? (await client.request('GET', '')).data.default_branch;
  const baseSha = await client.branchSha(base);
  if (!baseSha) {
    throw new Error(
      `Base branch ${base} does not exist in ${client.owner}/${client.repo}`,
    );
  }
  const baseCommit = await client.request('GET', `/git/commits/${baseSha}`);
  const tree = await client.request('POST', '/git/trees', {
    base_tree: baseCommit.data.tree.sha,
    tree: Object.entries(options.files).map(([path, content]) => ({
      path,
      mode: '100644',
      type: 'blob',
      content,
    })),
  });
  const commit = await client.request('POST', '/git/commits', {
    message: options.title,
    tree: tree.data.sha,
    parents: [baseSha],
  });
  if (await client.branchSha(options.branch)) {
    await client.request('PATCH', `/git/refs/heads/${options.branch}`, {
      sha: commit.data.sha,
      force: true,
    });
  } else {
    await client.request('POST', '/git/refs', {
      ref: `refs/heads/${options.branch}`,
      sha: commit.data.sha,
    });
  }
  const open = await client.request(
    'GET',
    `/pulls?state=open&head=${encodeURIComponent(`${client.owner}:${options.branch}`)}`,
  );
  if (Array.isArray(open.data) && open.data.length > 0) {
    return { url: open.data[0].html_url, number: open.data[0].number, created: false };
  }
  const pr = await client.request('POST', '/pulls', {
    title: options.title,
    head: options.branch,
    base,
    body: options.body,
  });
  return { url: pr.data.html_url, number: pr.data.number, created: true };
}
