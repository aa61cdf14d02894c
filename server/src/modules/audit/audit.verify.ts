import type { AnchoredHead, AuditProblem, AuditVerdict } from '@actionday/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { fail } from '../../http/errors.js';
import { entryBytes, entryLeafHash } from './audit.entry.js';
import type { HeadSigner } from './audit.keys.js';
import {
  consistencyRanges,
  emptyRoot,
  type Hash,
  inclusionRanges,
  leafHash,
  TreeBuilder,
  verifyConsistency,
  verifyInclusion,
} from './audit.merkle.js';
import { auditEvents, auditHeads, auditNodes } from './audit.table.js';
import { type HeadRow, nodeKey, rangeHashes, toAuditHead } from './audit.tree.js';

/** What to check beyond the log itself. */
export interface VerifyOptions {
  /** A head kept elsewhere (the after-action report): the log must extend it. */
  anchor?: AnchoredHead | undefined;
  /** An entry to prove in the latest head. */
  entryId?: number | undefined;
  /** The server's key; without it (a verify run without the data directory) signatures are not checked. */
  signer: HeadSigner | null;
}

const SHOWN_PROBLEMS = 100;
const absent = Buffer.alloc(32);

const problemOf = (problem: AuditProblem['problem'], at: Partial<Omit<AuditProblem, 'problem'>>): AuditProblem => ({
  problem,
  position: at.position ?? null,
  id: at.id ?? null,
  size: at.size ?? null,
});

/**
 * Re-computes a chain's tree from the stored entries alone and holds every
 * stored part against it: each entry's leaf, each stored subtree, the root of
 * each stored head (so every head is a prefix of the one log, each consistent
 * with the next), the signatures of the latest and the sealed heads, and —
 * given a head kept elsewhere — that the log still extends it. An edited,
 * removed, inserted or moved entry changes the roots from its position on;
 * a removed tail shows against any head that counted it.
 */
export function verifyAuditLog(db: Db, chain: string, options: VerifyOptions): Promise<AuditVerdict> {
  // one snapshot: a batch committing between the reads would look like a head without its entries
  return db.transaction((tx) => verifyIn(tx, chain, options), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

async function verifyIn(db: Db, chain: string, options: VerifyOptions): Promise<AuditVerdict> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.chain, chain))
    .orderBy(asc(auditEvents.position), asc(auditEvents.id));
  const heads = await db.select().from(auditHeads).where(eq(auditHeads.chain, chain)).orderBy(asc(auditHeads.treeSize));
  const nodeRows = await db.select().from(auditNodes).where(eq(auditNodes.chain, chain));
  // subtrees of two leaves or more; a leaf is its entry's own stored leaf hash, checked as `entry_altered`
  const stored = new Map(nodeRows.map((n) => [nodeKey({ level: n.level, index: Number(n.nodeIndex) }), n.hash]));
  const problems: AuditProblem[] = [];
  const anchor = options.anchor;

  // the sizes whose root we need, and the roots the entries give there
  const wanted = new Set<number>(heads.map((h) => Number(h.treeSize)));
  if (anchor) wanted.add(anchor.size);
  const roots = new Map<number, Hash>();
  const tree = new TreeBuilder();
  if (wanted.has(0)) roots.set(0, emptyRoot);
  const append = (leaf: Hash) => {
    tree.push(leaf, (node) => {
      if (node.level === 0) return;
      const kept = stored.get(nodeKey(node));
      if (kept !== node.hash.toString('hex'))
        problems.push(problemOf('node_mismatch', { position: node.index * 2 ** node.level }));
    });
    if (wanted.has(tree.size)) roots.set(tree.size, tree.root());
  };

  let pending = 0;
  for (const row of rows) {
    const leaf = leafHash(entryBytes(row));
    if (row.leafHash !== null && row.leafHash !== leaf.toString('hex'))
      problems.push(problemOf('entry_altered', { id: row.id, position: row.position }));
    if (row.position === null) {
      pending++;
      continue;
    }
    if (row.position < tree.size) {
      problems.push(problemOf('entry_duplicate', { id: row.id, position: row.position }));
      continue;
    }
    while (tree.size < row.position) {
      problems.push(problemOf('entry_missing', { position: tree.size }));
      append(absent);
    }
    append(leaf);
  }

  for (const head of heads) {
    const size = Number(head.treeSize);
    const root = roots.get(size);
    if (!root) problems.push(problemOf('head_beyond_log', { size }));
    else if (root.toString('hex') !== head.rootHash) problems.push(problemOf('root_mismatch', { size }));
  }

  const latest = heads.at(-1) ?? null;
  if (options.signer) {
    const signer = options.signer;
    const signed = heads.filter((h) => h.sealed || h === latest);
    for (const head of signed) {
      const statement = { chain, size: Number(head.treeSize), root: head.rootHash, at: head.signedAt };
      if (head.keyId !== signer.keyId || !signer.verify(statement, head.signature))
        problems.push(problemOf('bad_signature', { size: statement.size }));
    }
  }

  const anchored = anchor ? await checkAnchor(db, chain, anchor, roots.get(anchor.size), latest, problems) : null;
  const inclusion = options.entryId === undefined ? null : await proveEntry(db, chain, options.entryId, latest);

  return {
    chain,
    ok: problems.length === 0,
    count: rows.length,
    pending,
    head: latest ? toAuditHead(latest) : null,
    heads: heads.length,
    signatures: options.signer ? 'checked' : 'not_checked',
    anchor: anchored,
    inclusion,
    problems: problems.slice(0, SHOWN_PROBLEMS),
    problemCount: problems.length,
  };
}

/** Whether the log extends a head kept elsewhere, with the consistency proof a reader can check on their own. */
async function checkAnchor(
  db: Db,
  chain: string,
  anchor: AnchoredHead,
  root: Hash | undefined,
  latest: HeadRow | null,
  problems: AuditProblem[],
): Promise<AuditVerdict['anchor']> {
  if (!root) {
    problems.push(problemOf('anchor_beyond_log', { size: anchor.size }));
    return { ...anchor, extended: false, proof: null };
  }
  if (root.toString('hex') !== anchor.root) {
    problems.push(problemOf('anchor_mismatch', { size: anchor.size }));
    return { ...anchor, extended: false, proof: null };
  }
  const latestSize = Number(latest?.treeSize ?? 0);
  if (!latest || latestSize < anchor.size) return { ...anchor, extended: true, proof: null };
  const proof = await rangeHashes(db, chain, consistencyRanges(anchor.size, latestSize)).catch(() => null);
  const consistent =
    proof !== null && verifyConsistency(anchor.size, latestSize, proof, root, Buffer.from(latest.rootHash, 'hex'));
  if (!consistent) problems.push(problemOf('anchor_mismatch', { size: anchor.size }));
  return { ...anchor, extended: consistent, proof: proof?.map((h) => h.toString('hex')) ?? null };
}

/** An entry's inclusion proof in the latest head, checked with the leaf re-computed from its fields. */
async function proveEntry(
  db: Db,
  chain: string,
  id: number,
  latest: HeadRow | null,
): Promise<AuditVerdict['inclusion']> {
  const [row] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.chain, chain), eq(auditEvents.id, id)));
  const size = Number(latest?.treeSize ?? 0);
  if (!row || row.position === null || !latest || row.position >= size)
    fail('audit.entry_not_found', { params: { id } });
  const leaf = Buffer.from(entryLeafHash(row), 'hex');
  const path = await rangeHashes(db, chain, inclusionRanges(row.position, size));
  return {
    id,
    position: row.position,
    treeSize: size,
    leaf: leaf.toString('hex'),
    path: path.map((h) => h.toString('hex')),
    verified: verifyInclusion(row.position, size, leaf, path, Buffer.from(latest.rootHash, 'hex')),
  };
}
