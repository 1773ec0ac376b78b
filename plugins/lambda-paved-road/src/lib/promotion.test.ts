import {
  commitHistory,
  describePromotionGap,
  promotionGap,
  sameCommit,
} from './promotion';
import {
  COMMITS,
  environment,
  failed,
  nothingDeployed,
  sampleDeployments,
} from '../__testUtils__/fixtures';

const [dev, test, stage, prod] = sampleDeployments().environments;

describe('promotionGap', () => {
  it('counts the commits upstream built after the one downstream runs', () => {
    // test runs commit 4, stage runs commit 2: commits 4 and 3 are missing.
    const gap = promotionGap(test, stage);
    expect(gap).toEqual({
      kind: 'behind',
      commits: 2,
      commitShas: [COMMITS[3].sha.slice(0, 7), COMMITS[2].sha.slice(0, 7)],
      atLeast: false,
    });
    expect(describePromotionGap(gap, 'test', 'stage')).toBe(
      'stage is 2 commits behind test',
    );
    expect(describePromotionGap(promotionGap(dev, test), 'dev', 'test')).toBe(
      'test is 1 commit behind dev',
    );
  });

  it('says "same image" when the live digests match', () => {
    expect(promotionGap(stage, prod)).toEqual({ kind: 'same-image' });
    expect(describePromotionGap({ kind: 'same-image' }, 'stage', 'prod')).toBe(
      'prod runs the same image as stage',
    );
  });

  it('tells a rebuilt image of the same commit from the same image', () => {
    const otherBuild = environment('test', 4); // own digests, same commit as dev
    expect(promotionGap(dev, otherBuild)).toEqual({ kind: 'same-commit' });
  });

  it('orders by push time, not by the order the API listed images', () => {
    const shuffled = environment('test', 3);
    if (shuffled.images.ok) shuffled.images.data.images.reverse();
    expect(promotionGap(shuffled, stage)).toMatchObject({
      kind: 'behind',
      commits: 2,
    });
  });

  it('counts a rebuilt commit once', () => {
    const rebuilt = environment('test', 3);
    if (rebuilt.images.ok) {
      const newest = rebuilt.images.data.images[0];
      rebuilt.images.data.images.unshift({
        ...newest,
        digest: 'sha256:rebuild',
        pushedAt: '2026-02-01T00:00:00.000Z',
        tags: [COMMITS[3].sha.slice(0, 7)],
      });
    }
    expect(promotionGap(rebuilt, stage)).toMatchObject({
      kind: 'behind',
      commits: 2,
    });
  });

  it('reports downstream ahead (a hotfix) instead of a negative count', () => {
    expect(promotionGap(stage, test)).toEqual({ kind: 'ahead', commits: 2 });
    expect(
      describePromotionGap({ kind: 'ahead', commits: 2 }, 'stage', 'test'),
    ).toBe('test is 2 commits ahead of stage');
  });

  it('gives a lower bound when downstream runs a commit older than upstream keeps', () => {
    const pruned = environment('test', 3);
    if (pruned.images.ok)
      pruned.images.data.images = pruned.images.data.images.slice(0, 2);
    const gap = promotionGap(pruned, stage);
    expect(gap).toMatchObject({ kind: 'behind', commits: 2, atLeast: true });
    expect(describePromotionGap(gap, 'test', 'stage')).toBe(
      'stage is at least 2 commits behind test',
    );
  });

  it('falls back to pipeline executions when upstream images cannot be read', () => {
    const noImages = environment('test', 3);
    noImages.images = failed({ code: 'ACCESS_DENIED', message: 'denied' });
    noImages.function = failed({ code: 'ACCESS_DENIED', message: 'denied' });
    expect(commitHistory(noImages)).toHaveLength(4);
    expect(promotionGap(noImages, stage)).toMatchObject({
      kind: 'behind',
      commits: 2,
    });
  });

  it('says what a first promotion carries when downstream has nothing live', () => {
    const empty = environment('stage', 1);
    empty.derived = { imageDrift: false, aliasBehindLatest: false };
    empty.function = failed({ code: 'NOT_FOUND', message: 'no function' });
    const gap = promotionGap(test, empty);
    expect(gap).toEqual({ kind: 'nothing-live', carries: COMMITS[3].sha });
    expect(describePromotionGap(gap, 'test', 'stage')).toBe(
      'nothing live in stage yet; promoting carries 4444444',
    );
  });

  it('treats a provisioned but never deployed environment as nothing live', () => {
    const provisioned = nothingDeployed().environments[2];
    expect(promotionGap(test, provisioned)).toEqual({
      kind: 'nothing-live',
      carries: COMMITS[3].sha,
    });
  });

  it('explains why it cannot compare', () => {
    const unknownUp = environment('test', 3);
    unknownUp.derived = { imageDrift: false, aliasBehindLatest: false };
    expect(
      describePromotionGap(promotionGap(unknownUp, stage), 'test', 'stage'),
    ).toBe(
      'cannot compare stage with test: the commit live in test is not known',
    );
  });
});

describe('sameCommit', () => {
  it('matches a short tag against a full SHA, case-insensitively, but not too-short prefixes', () => {
    expect(sameCommit('4444444', COMMITS[3].sha.toUpperCase())).toBe(true);
    expect(sameCommit('444', COMMITS[3].sha)).toBe(false);
    expect(sameCommit('5555555', COMMITS[3].sha)).toBe(false);
  });
});
