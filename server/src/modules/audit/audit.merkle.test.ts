import { describe, expect, it } from 'vitest';
import {
  consistencyRanges,
  emptyRoot,
  foldRange,
  type Hash,
  inclusionRanges,
  leafHash,
  nodeHash,
  rangeNodes,
  splitPoint,
  TreeBuilder,
  type TreeNode,
  verifyConsistency,
  verifyInclusion,
} from './audit.merkle.js';

// RFC 9162 §2.1 written down as directly as possible, over a plain list of leaf hashes: the yardstick.
const mth = (d: Hash[]): Hash => {
  if (d.length === 0) return emptyRoot;
  if (d.length === 1) return d[0] as Hash;
  const k = splitPoint(d.length);
  return nodeHash(mth(d.slice(0, k)), mth(d.slice(k)));
};
const path = (m: number, d: Hash[]): Hash[] => {
  if (d.length === 1) return [];
  const k = splitPoint(d.length);
  return m < k ? [...path(m, d.slice(0, k)), mth(d.slice(k))] : [...path(m - k, d.slice(k)), mth(d.slice(0, k))];
};
const subproof = (m: number, d: Hash[], b: boolean): Hash[] => {
  if (m === d.length) return b ? [] : [mth(d)];
  const k = splitPoint(d.length);
  return m <= k
    ? [...subproof(m, d.slice(0, k), b), mth(d.slice(k))]
    : [...subproof(m - k, d.slice(k), false), mth(d.slice(0, k))];
};
const proof = (m: number, d: Hash[]): Hash[] => (m === 0 || m === d.length ? [] : subproof(m, d, true));

const hex = (h: Hash) => h.toString('hex');
const unhex = (s: string) => Buffer.from(s, 'hex');

// the test vectors of Certificate Transparency's reference implementation (merkle_tree_test)
const ctLeaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f']
  .map(unhex)
  .map((entry) => leafHash(entry));
const ctRoots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** A tree grown leaf by leaf, keeping every perfect subtree it completes, as the database does. */
function grow(leaves: Hash[]) {
  const nodes = new Map<string, Hash>();
  const tree = new TreeBuilder();
  const roots: Hash[] = [tree.root()];
  for (const leaf of leaves) {
    tree.push(leaf, (n: TreeNode) => nodes.set(`${n.level}:${n.index}`, n.hash));
    roots.push(tree.root());
  }
  const rangeHash = (start: number, count: number) =>
    foldRange(
      rangeNodes({ start, count }).map((id) => {
        const hash = nodes.get(`${id.level}:${id.index}`);
        if (!hash) throw new Error(`no node ${id.level}:${id.index}`);
        return hash;
      }),
    );
  return { nodes, roots, rangeHash };
}

const leaves = Array.from({ length: 70 }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));

describe('the Merkle tree of RFC 9162', () => {
  it('gives the reference roots of Certificate Transparency for 0 to 8 leaves', () => {
    const { roots } = grow(ctLeaves);
    expect(roots.map(hex)).toEqual(ctRoots);
  });

  it('gives the reference inclusion and consistency proofs', () => {
    const { rangeHash } = grow(ctLeaves);
    const inclusion = (index: number, size: number) =>
      inclusionRanges(index, size).map((r) => hex(rangeHash(r.start, r.count)));
    const consistency = (m: number, n: number) => consistencyRanges(m, n).map((r) => hex(rangeHash(r.start, r.count)));
    expect(inclusion(0, 8)).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(inclusion(5, 8)).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(consistency(2, 8)).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(consistency(6, 8)).toEqual([
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
  });

  it('builds the same roots, audit paths and consistency proofs as the RFC definitions, at every size up to 70', () => {
    const { roots, rangeHash } = grow(leaves);
    for (let n = 0; n <= leaves.length; n++) {
      const d = leaves.slice(0, n);
      expect(hex(roots[n] as Hash)).toBe(hex(mth(d)));
      for (let m = 0; m < n; m++) {
        const audit = inclusionRanges(m, n).map((r) => rangeHash(r.start, r.count));
        expect(audit.map(hex)).toEqual(path(m, d).map(hex));
        expect(verifyInclusion(m, n, d[m] as Hash, audit, roots[n] as Hash)).toBe(true);
      }
      for (let m = 0; m <= n; m++) {
        const consistency = consistencyRanges(m, n).map((r) => rangeHash(r.start, r.count));
        expect(consistency.map(hex)).toEqual(proof(m, d).map(hex));
        expect(verifyConsistency(m, n, consistency, roots[m] as Hash, roots[n] as Hash)).toBe(true);
      }
    }
  });

  it('refuses a proof for another leaf, another root, or a proof with a changed, missing or extra step', () => {
    const { roots, rangeHash } = grow(leaves);
    const other = leafHash(Buffer.from('forged'));
    for (const n of [2, 7, 8, 33, 70]) {
      const root = roots[n] as Hash;
      for (let m = 0; m < n; m++) {
        const audit = inclusionRanges(m, n).map((r) => rangeHash(r.start, r.count));
        const leaf = leaves[m] as Hash;
        expect(verifyInclusion(m, n, other, audit, root)).toBe(false);
        expect(verifyInclusion(m, n, leaf, audit, roots[n - 1] as Hash)).toBe(false);
        expect(verifyInclusion(m, n, leaf, [...audit.slice(0, -1), other], root)).toBe(false);
        expect(verifyInclusion(m, n, leaf, audit.slice(0, -1), root)).toBe(false);
        expect(verifyInclusion(m, n, leaf, [...audit, other], root)).toBe(false);
        if (n > 1 && m + 1 < n) expect(verifyInclusion(m + 1, n, leaf, audit, root)).toBe(false);
      }
      for (let m = 1; m < n; m++) {
        const consistency = consistencyRanges(m, n).map((r) => rangeHash(r.start, r.count));
        const [first = other, ...rest] = consistency;
        expect(verifyConsistency(m, n, consistency, roots[m] as Hash, other)).toBe(false);
        expect(verifyConsistency(m, n, consistency, other, roots[n] as Hash)).toBe(false);
        expect(verifyConsistency(m, n, [nodeHash(first, first), ...rest], roots[m] as Hash, roots[n] as Hash)).toBe(
          false,
        );
        expect(verifyConsistency(m, n, consistency.slice(0, -1), roots[m] as Hash, roots[n] as Hash)).toBe(false);
        expect(verifyConsistency(m, n, [...consistency, other], roots[m] as Hash, roots[n] as Hash)).toBe(false);
      }
    }
  });

  it('resumes a tree from its right edge alone and completes the same subtrees', () => {
    const whole = grow(leaves);
    for (const cut of [0, 1, 5, 8, 31, 64]) {
      const resumed = new Map<string, Hash>();
      const edge = rangeNodes({ start: 0, count: cut }).map((id) => whole.nodes.get(`${id.level}:${id.index}`) as Hash);
      const tree = new TreeBuilder(cut, edge);
      for (const leaf of leaves.slice(cut)) tree.push(leaf, (n) => resumed.set(`${n.level}:${n.index}`, n.hash));
      expect(hex(tree.root())).toBe(hex(whole.roots[leaves.length] as Hash));
      for (const [key, hash] of resumed) expect(hex(hash)).toBe(hex(whole.nodes.get(key) as Hash));
    }
  });

  it('refuses a range that is not made of stored subtrees', () => {
    expect(() => rangeNodes({ start: 3, count: 2 })).toThrow(/perfect subtrees/);
    expect(rangeNodes({ start: 8, count: 7 })).toEqual([
      { level: 2, index: 2 },
      { level: 1, index: 6 },
      { level: 0, index: 14 },
    ]);
  });
});
