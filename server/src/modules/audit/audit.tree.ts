import type { AuditHead } from '@actionday/shared';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { HeadSigner } from './audit.keys.js';
import { foldRange, type Hash, type LeafRange, type NodeId, rangeNodes, type TreeNode } from './audit.merkle.js';
import { auditEvents, auditHeads, auditNodes } from './audit.table.js';

/** A stored tree head. */
export type HeadRow = typeof auditHeads.$inferSelect;

/** A stored subtree's key in maps. */
export const nodeKey = (id: NodeId) => `${id.level}:${id.index}`;

/**
 * The stored hashes of these subtrees of a chain, in at most two queries:
 * leaves are the entries' own leaf hashes (by position), larger subtrees are
 * in `audit_nodes`.
 */
export async function loadNodes(db: Db, chain: string, ids: NodeId[]): Promise<Map<string, Hash>> {
  const found = new Map<string, Hash>();
  const leaves = ids.filter((id) => id.level === 0).map((id) => id.index);
  const inner = ids.filter((id) => id.level > 0);
  if (leaves.length > 0) {
    const rows = await db
      .select({ position: auditEvents.position, leafHash: auditEvents.leafHash })
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, chain), inArray(auditEvents.position, leaves)));
    for (const row of rows)
      if (row.position !== null && row.leafHash)
        found.set(nodeKey({ level: 0, index: row.position }), Buffer.from(row.leafHash, 'hex'));
  }
  if (inner.length === 0) return found;
  const rows = await db
    .select({ level: auditNodes.level, index: auditNodes.nodeIndex, hash: auditNodes.hash })
    .from(auditNodes)
    .where(
      and(
        eq(auditNodes.chain, chain),
        sql`(${auditNodes.level}, ${auditNodes.nodeIndex}) in (${sql.join(
          inner.map((id) => sql`(${id.level}::integer, ${id.index}::bigint)`),
          sql`, `,
        )})`,
      ),
    );
  for (const row of rows)
    found.set(nodeKey({ level: row.level, index: Number(row.index) }), Buffer.from(row.hash, 'hex'));
  return found;
}

/** Looks a subtree up; a missing one means the stored tree was damaged. */
export function nodeIn(nodes: Map<string, Hash>, id: NodeId): Hash {
  const hash = nodes.get(nodeKey(id));
  if (!hash) throw new Error(`the audit tree lacks the subtree ${nodeKey(id)}`);
  return hash;
}

/**
 * Stores newly completed subtrees of two leaves or more (a leaf is its entry's
 * `leaf_hash`) in one statement with one parameter (a JSON
 * array): building thousands of bound values costs the driver more than the
 * database's insert.
 */
export async function storeNodes(db: Db, chain: string, nodes: TreeNode[]): Promise<void> {
  if (nodes.length === 0) return;
  const rows = JSON.stringify(nodes.map((n) => [n.level, n.index, n.hash.toString('hex')]));
  await db.execute(sql`
    insert into audit_nodes (chain, level, node_index, hash)
    select ${chain}, (n->>0)::integer, (n->>1)::bigint, n->>2 from json_array_elements(${rows}::json) as n`);
}

/** The tree hashes of a proof's ranges, from the stored subtrees (one query, O(log² n) lookups at most). */
export async function rangeHashes(db: Db, chain: string, ranges: LeafRange[]): Promise<Hash[]> {
  const pieces = ranges.map(rangeNodes);
  const nodes = await loadNodes(db, chain, pieces.flat());
  return pieces.map((ids) => foldRange(ids.map((id) => nodeIn(nodes, id))));
}

/** The chain's latest head, if it has one. */
export async function latestHead(db: Db, chain: string): Promise<HeadRow | undefined> {
  const [head] = await db
    .select()
    .from(auditHeads)
    .where(eq(auditHeads.chain, chain))
    .orderBy(desc(auditHeads.treeSize))
    .limit(1);
  return head;
}

/** Signs and stores a head of the chain. */
export async function publishHead(
  db: Db,
  signer: HeadSigner,
  head: { chain: string; size: number; root: string; at: Date },
): Promise<HeadRow> {
  const [stored] = await db
    .insert(auditHeads)
    .values({
      chain: head.chain,
      treeSize: head.size,
      rootHash: head.root,
      signedAt: head.at,
      keyId: signer.keyId,
      signature: signer.sign(head),
    })
    .returning();
  if (!stored) throw new Error('the tree head was not stored');
  return stored;
}

/** A stored head as the API and the report show it. */
export function toAuditHead(row: HeadRow): AuditHead {
  return {
    size: Number(row.treeSize),
    root: row.rootHash,
    at: row.signedAt.toISOString(),
    keyId: row.keyId,
    signature: row.signature,
    sealed: row.sealed,
  };
}

/** The head to print beside a report: the one sealed when the operation closed, else the latest; null before any. */
export async function anchoredHead(db: Db, chain: string): Promise<AuditHead | null> {
  const [head] = await db
    .select()
    .from(auditHeads)
    .where(eq(auditHeads.chain, chain))
    .orderBy(desc(auditHeads.sealed), desc(auditHeads.treeSize))
    .limit(1);
  return head ? toAuditHead(head) : null;
}
