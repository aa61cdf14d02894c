import * as Y from 'yjs';

/**
 * Markdown of a note's XmlFragment as the editor (TipTap / y-prosemirror)
 * writes it: element names are ProseMirror node names, marks are text
 * attributes. Unknown nodes keep their text, so nothing typed is left out.
 */
export function noteMarkdown(fragment: Y.XmlFragment): string {
  return blocks(fragment.toArray(), '')
    .join('\n\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

type Child = Y.XmlElement | Y.XmlText | Y.XmlHook;

function blocks(children: Child[], indent: string): string[] {
  const out: string[] = [];
  for (const child of children) {
    const text = block(child, indent);
    if (text !== null) out.push(text);
  }
  return out;
}

function block(node: Child, indent: string): string | null {
  if (node instanceof Y.XmlText) return indent + inline([node]);
  if (!(node instanceof Y.XmlElement)) return null;
  const children = node.toArray() as Child[];
  switch (node.nodeName) {
    case 'paragraph':
      return indent + inline(children);
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.getAttribute('level')) || 1));
      return `${indent}${'#'.repeat(level)} ${inline(children)}`;
    }
    case 'bulletList':
    case 'orderedList': {
      const start = Number(node.getAttribute('start')) || 1;
      return children
        .map((item, i) => listItem(item, indent, node.nodeName === 'orderedList' ? `${start + i}. ` : '- '))
        .join('\n');
    }
    case 'blockquote':
      return blocks(children, '')
        .join('\n\n')
        .split('\n')
        .map((line) => `${indent}> ${line}`.trimEnd())
        .join('\n');
    case 'codeBlock':
      return `${indent}\`\`\`${String(node.getAttribute('language') ?? '')}\n${plain(children)}\n${indent}\`\`\``;
    case 'horizontalRule':
      return `${indent}---`;
    default:
      return blocks(children, indent).join('\n\n');
  }
}

function listItem(item: Child, indent: string, marker: string): string {
  if (!(item instanceof Y.XmlElement)) return indent + marker + block(item, '');
  const inner = blocks(item.toArray() as Child[], `${indent}${' '.repeat(marker.length)}`);
  const first = (inner[0] ?? '').trimStart();
  return [`${indent}${marker}${first}`, ...inner.slice(1)].join('\n');
}

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

function inline(children: Child[]): string {
  let out = '';
  for (const child of children) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as DeltaOp[]) {
        if (typeof op.insert === 'string') out += marked(op.insert, op.attributes ?? {});
      }
    } else if (child instanceof Y.XmlElement) {
      out += child.nodeName === 'hardBreak' ? '  \n' : inline(child.toArray() as Child[]);
    }
  }
  return out;
}

function marked(text: string, marks: Record<string, unknown>): string {
  let out = text;
  if (marks.code) out = `\`${out}\``;
  if (marks.bold) out = `**${out}**`;
  if (marks.italic) out = `*${out}*`;
  if (marks.strike) out = `~~${out}~~`;
  const link = marks.link as { href?: unknown } | undefined;
  if (link && typeof link.href === 'string') out = `[${out}](${link.href})`;
  return out;
}

function plain(children: Child[]): string {
  let out = '';
  for (const child of children) {
    if (child instanceof Y.XmlText)
      for (const op of child.toDelta() as DeltaOp[]) out += typeof op.insert === 'string' ? op.insert : '';
    else if (child instanceof Y.XmlElement)
      out += child.nodeName === 'hardBreak' ? '\n' : plain(child.toArray() as Child[]);
  }
  return out;
}
