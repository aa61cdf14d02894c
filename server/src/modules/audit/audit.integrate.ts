import type { AuditHead } from '@actionday/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/database.js';
import { entryLeafHash } from './audit.entry.js';
import { type HeadSigner, headSigner } from './audit.keys.js';
import { emptyRoot, rangeNodes, TreeBuilder, type TreeNode } from './audit.merkle.js';
import { auditEvents, auditHeads } from './audit.table.js';
import { type HeadRow, latestHead, loadNodes, nodeIn, publishHead, storeNodes, toAuditHead } from './audit.tree.js';

/** What one batch did. */
export interface BatchResult {
  /** `busy`: another sequencer holds the chain right now (try again shortly). */
  status: 'busy' | 'idle' | 'integrated';
  integrated: number;
  head: HeadRow | null;
  /** The batch was full: more entries are waiting. */
  more: boolean;
}

/** Entries per batch: a few thousand keeps a batch to milliseconds and its statements small. */
export const BATCH_SIZE = 2000;

/** The chain's sequencing lock, for this transaction only. `wait: false` gives up at once when another holds it. */
async function lockChain(tx: Db, chain: string, wait: boolean): Promise<boolean> {
  const key = `audit:${chain}`;
  if (wait) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    return true;
  }
  const [row] = rowsOf<{ ok: boolean }>(
    await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${key})) as ok`),
  );
  return row?.ok === true;
}

/** Rows from before the tree have no leaf hash yet: derive it from their fields (once, at their integration). */
async function fillMissingLeaves(tx: Db, rows: { id: number; leafHash: string | null }[]): Promise<void> {
  const missing = rows.filter((r) => r.leafHash === null).map((r) => r.id);
  if (missing.length === 0) return;
  const full = await tx.select().from(auditEvents).where(inArray(auditEvents.id, missing));
  const leaves = new Map(full.map((row) => [row.id, entryLeafHash(row)]));
  for (const row of rows) if (row.leafHash === null) row.leafHash = leaves.get(row.id) ?? null;
  await tx.execute(sql`
    update audit_events as e set leaf_hash = v.leaf
    from (values ${sql.join(
      [...leaves].map(([id, leaf]) => sql`(${id}::bigint, ${leaf})`),
      sql`, `,
    )}) as v(id, leaf)
    where e.id = v.id`);
}

/**
 * Integrates up to one batch of a chain's waiting entries into its tree, in
 * one short transaction under the chain's advisory lock (so one sequencer at
 * a time per chain, across processes): each entry gets the next position in
 * the order this batch sees them — an entry that committed late simply gets a
 * later position — the subtrees they complete are stored, and a signed head
 * is published. Writers are never blocked: they only insert.
 */
export async function integrateBatch(
  db: Db,
  signer: HeadSigner,
  chain: string,
  now: Date,
  options: { wait?: boolean; limit?: number } = {},
): Promise<BatchResult> {
  const limit = options.limit ?? BATCH_SIZE;
  return db.transaction(async (tx) => {
    if (!(await lockChain(tx, chain, options.wait ?? false)))
      return { status: 'busy', integrated: 0, head: null, more: true };
    const previous = await latestHead(tx, chain);
    const size = Number(previous?.treeSize ?? 0);
    const assigned = rowsOf<{ id: string | number; position: string | number; leaf_hash: string | null }>(
      await tx.execute(sql`
        with waiting as (
          select id, row_number() over (order by id) - 1 as n
          from (select id from audit_events where chain = ${chain} and position is null order by id limit ${limit}) as w
        )
        update audit_events as e set position = ${size}::bigint + waiting.n
        from waiting where e.id = waiting.id
        returning e.id, e.position, e.leaf_hash`),
    )
      .map((r) => ({ id: Number(r.id), position: Number(r.position), leafHash: r.leaf_hash }))
      .sort((a, b) => a.position - b.position);
    if (assigned.length === 0) return { status: 'idle', integrated: 0, head: previous ?? null, more: false };
    await fillMissingLeaves(tx, assigned);

    const edge = rangeNodes({ start: 0, count: size });
    const stored = await loadNodes(tx, chain, edge);
    const tree = new TreeBuilder(
      size,
      edge.map((id) => nodeIn(stored, id)),
    );
    const completed: TreeNode[] = [];
    for (const row of assigned)
      tree.push(Buffer.from(row.leafHash ?? '', 'hex'), (node) => {
        if (node.level > 0) completed.push(node);
      });
    await storeNodes(tx, chain, completed);
    const head = await publishHead(tx, signer, { chain, size: tree.size, root: tree.root().toString('hex'), at: now });
    return { status: 'integrated', integrated: assigned.length, head, more: assigned.length === limit };
  });
}

/**
 * Closing an operation: integrates every entry the closing transaction can
 * see (waiting for a running batch if need be) and marks the resulting head
 * as sealed, the one the after-action report prints. Call it inside the
 * transaction that closes the operation, so the close and its head commit
 * together.
 */
export async function sealAuditLog(db: Db, deps: { dataDir: string; now: Date }, chain: string): Promise<AuditHead> {
  const signer = headSigner(deps.dataDir);
  let result: BatchResult;
  do result = await integrateBatch(db, signer, chain, deps.now, { wait: true });
  while (result.more);
  const head =
    result.head ?? (await publishHead(db, signer, { chain, size: 0, root: emptyRoot.toString('hex'), at: deps.now }));
  await db
    .update(auditHeads)
    .set({ sealed: true })
    .where(and(eq(auditHeads.chain, chain), eq(auditHeads.treeSize, head.treeSize)));
  return toAuditHead({ ...head, sealed: true });
}
