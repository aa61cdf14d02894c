// The Merkle tree of RFC 9162 §2.1 (Certificate Transparency v2), as pure functions: hashing, the
// perfect subtrees a range is made of, appending leaves, and generating and verifying inclusion and
// consistency proofs. Numbers are plain JavaScript integers (exact below 2^53 leaves).
import { createHash } from 'node:crypto';

/** A SHA-256 digest, 32 bytes. */
export type Hash = Buffer;

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

/** `SHA-256(0x00 || entry)`: the prefix keeps a leaf from ever passing for an inner node. */
export function leafHash(entry: Uint8Array): Hash {
  return createHash('sha256').update(LEAF).update(entry).digest();
}

/** `SHA-256(0x01 || left || right)`. */
export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256').update(NODE).update(left).update(right).digest();
}

/** The root of the empty tree: the hash of the empty string. */
export const emptyRoot: Hash = createHash('sha256').digest();

/** A perfect subtree: the 2^level leaves from leaf `index × 2^level`. */
export interface NodeId {
  level: number;
  index: number;
}

/** A run of consecutive leaves whose tree hash (MTH) a proof carries. */
export interface LeafRange {
  start: number;
  count: number;
}

/** The largest power of two smaller than n (n > 1): where the RFC splits a tree. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The perfect subtrees that make up leaves [start, start + count), largest
 * first. Ranges of the RFC's recursion start at a multiple of their split,
 * so each piece is a stored node; anything else is a caller's bug.
 */
export function rangeNodes(range: LeafRange): NodeId[] {
  const nodes: NodeId[] = [];
  let cursor = range.start;
  let width = 1;
  while (width * 2 <= range.count) width *= 2;
  for (let level = Math.log2(width); width >= 1; width /= 2, level--) {
    if (Math.floor(range.count / width) % 2 === 0) continue;
    if (cursor % width !== 0) throw new Error(`leaves ${range.start}+${range.count} are not made of perfect subtrees`);
    nodes.push({ level, index: cursor / width });
    cursor += width;
  }
  return nodes;
}

/** The tree hash of a range from its perfect subtrees (largest first): the RFC's split, folded from the right. */
export function foldRange(pieces: Hash[]): Hash {
  const last = pieces.at(-1);
  if (!last) return emptyRoot;
  let hash = last;
  for (let i = pieces.length - 2; i >= 0; i--) hash = nodeHash(pieces[i] as Hash, hash);
  return hash;
}

/** The ranges of the audit path PATH(m, D[n]) (RFC 9162 §2.1.3.1), in proof order. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  if (index < 0 || index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const out: LeafRange[] = [];
  const path = (m: number, start: number, n: number): void => {
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      path(m, start, k);
      out.push({ start: start + k, count: n - k });
    } else {
      path(m - k, start + k, n - k);
      out.push({ start, count: k });
    }
  };
  path(index, 0, size);
  return out;
}

/** The ranges of the consistency proof PROOF(m, D[n]) (RFC 9162 §2.1.4.1), in proof order; empty when m is 0 or n. */
export function consistencyRanges(first: number, second: number): LeafRange[] {
  if (first < 0 || first > second) throw new RangeError(`a tree of ${first} cannot precede one of ${second}`);
  const out: LeafRange[] = [];
  if (first === 0 || first === second) return out;
  const subproof = (m: number, start: number, n: number, whole: boolean): void => {
    if (m === n) {
      if (!whole) out.push({ start, count: n });
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      subproof(m, start, k, whole);
      out.push({ start: start + k, count: n - k });
    } else {
      subproof(m - k, start + k, n - k, false);
      out.push({ start, count: k });
    }
  };
  subproof(first, 0, second, true);
  return out;
}

const odd = (x: number) => x % 2 === 1;
const half = (x: number) => Math.floor(x / 2);

/** Checks an inclusion proof as a client would (RFC 9162 §2.1.3.2). */
export function verifyInclusion(index: number, size: number, leaf: Hash, proof: Hash[], root: Hash): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r.equals(root);
}

/** Checks a consistency proof as a client would (RFC 9162 §2.1.4.2); any tree extends the empty one. */
export function verifyConsistency(
  first: number,
  second: number,
  proof: Hash[],
  firstRoot: Hash,
  secondRoot: Hash,
): boolean {
  if (first < 0 || first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return proof.length === 0 && firstRoot.equals(emptyRoot);
  const path = Number.isInteger(Math.log2(first)) ? [firstRoot, ...proof] : proof;
  const [seed, ...rest] = path;
  if (!seed) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = seed;
  let sr = seed;
  for (const c of rest) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}

/** A perfect subtree with its hash. */
export interface TreeNode extends NodeId {
  hash: Hash;
}

/**
 * A tree that only grows at its right edge, holding just that edge (the
 * perfect subtrees of its size, ≤ log2 n of them): appending k leaves costs
 * O(k) hashes and reports every perfect subtree it completes.
 */
export class TreeBuilder {
  private edge: TreeNode[];
  private count: number;

  /** Resumes a tree of `size` leaves from the hashes of `rangeNodes({ start: 0, count: size })`. */
  constructor(size = 0, edgeHashes: Hash[] = []) {
    const ids = rangeNodes({ start: 0, count: size });
    if (ids.length !== edgeHashes.length) throw new Error(`a tree of ${size} needs ${ids.length} edge hashes`);
    this.edge = ids.map((id, i) => ({ ...id, hash: edgeHashes[i] as Hash }));
    this.count = size;
  }

  get size(): number {
    return this.count;
  }

  /** Appends one leaf; `completed` sees the leaf and each subtree it closes, bottom up. */
  push(leaf: Hash, completed?: (node: TreeNode) => void): void {
    let node: TreeNode = { level: 0, index: this.count, hash: leaf };
    completed?.(node);
    this.count++;
    for (let top = this.edge.at(-1); top && top.level === node.level; top = this.edge.at(-1)) {
      this.edge.pop();
      node = { level: node.level + 1, index: top.index / 2, hash: nodeHash(top.hash, node.hash) };
      completed?.(node);
    }
    this.edge.push(node);
  }

  /** MTH of the leaves so far. */
  root(): Hash {
    return foldRange(this.edge.map((n) => n.hash));
  }
}
