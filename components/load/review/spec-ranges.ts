// Where an issue's JSON path sits in the editor's text, so the marker lands on the field itself.
// A field that is missing is marked on the nearest object that should hold it.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { JsonPath } from '@/lib/spec';

export interface TextRange {
  readonly from: number;
  readonly to: number;
}

/** Paths refer to the wrapped spec; text in Druid's top-level form has no "spec" level. */
function pathInText(root: Node, path: JsonPath): JsonPath {
  const wrapped = root.type === 'object' && root.children?.some((p) => p.children?.[0]?.value === 'spec');
  return !wrapped && path[0] === 'spec' ? path.slice(1) : path;
}

function markOf(node: Node): TextRange {
  // A value inside a property is marked on its key: short, and where the eye looks for a field.
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  const target = key ?? node;
  return { from: target.offset, to: target.offset + Math.max(1, target.length) };
}

export function rangeOfPath(text: string, path: JsonPath): TextRange {
  const root = parseTree(text);
  if (!root) return { from: 0, to: Math.min(1, text.length) };
  const inText = pathInText(root, path);
  for (let depth = inText.length; depth > 0; depth--) {
    const node = findNodeAtLocation(root, [...inText.slice(0, depth)]);
    if (node) return markOf(node);
  }
  return { from: root.offset, to: root.offset + 1 };
}
