import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { BasesGraph } from '@devpi-dashboard/dashboard-api';
import { Alert } from '../../../components/ui/alert';
import { appUrl, indexParts, paths } from '../../../config/paths';
import { describeError } from '../../../lib/errors';
import { graphQueryOptions } from '../api/guard';

const NODE_W = 156;
const NODE_H = 44;
const GAP_X = 16;
const GAP_Y = 56;

/** Level 0 holds indexes with no bases (mirrors, roots); an index sits one level above its highest base. */
function levels(graph: BasesGraph): Map<string, number> {
  const bases = new Map<string, string[]>();
  for (const e of graph.edges) if (e.kind === 'base') bases.set(e.from, [...(bases.get(e.from) ?? []), e.to]);
  const level = new Map<string, number>();
  const visit = (name: string, stack: Set<string>): number => {
    const known = level.get(name);
    if (known !== undefined) return known;
    if (stack.has(name)) return 0;
    stack.add(name);
    const l = Math.max(-1, ...(bases.get(name) ?? []).map((b) => visit(b, stack))) + 1;
    stack.delete(name);
    level.set(name, l);
    return l;
  };
  for (const n of graph.nodes) visit(n.name, new Set());
  return level;
}

interface Placed { name: string; type: string; missing: boolean; whitelist: string[]; x: number; y: number }

/** Rows from the top (most derived) down to the mirrors; a level wraps into more rows when narrow. */
function layout(graph: BasesGraph, width: number): { placed: Map<string, Placed>; height: number; width: number } {
  const level = levels(graph);
  const perRow = Math.max(1, Math.floor((width + GAP_X) / (NODE_W + GAP_X)));
  const top = Math.max(0, ...level.values());
  const placed = new Map<string, Placed>();
  let y = 8;
  for (let l = top; l >= 0; l -= 1) {
    const row = graph.nodes.filter((n) => (level.get(n.name) ?? 0) === l);
    for (let i = 0; i < row.length; i += perRow) {
      const chunk = row.slice(i, i + perRow);
      const used = chunk.length * NODE_W + (chunk.length - 1) * GAP_X;
      const x0 = Math.max(4, (Math.min(width, perRow * (NODE_W + GAP_X)) - used) / 2);
      chunk.forEach((n, k) => placed.set(n.name, { ...n, x: x0 + k * (NODE_W + GAP_X), y }));
      y += NODE_H + GAP_Y;
    }
  }
  return { placed, height: y - GAP_Y + 16, width: Math.max(width, NODE_W + 8) };
}

const short = (s: string, n = 20) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The bases graph as devpi resolves it: an arrow from an index to each base, numbered in
 * inheritance order; dashed arrows for whitelist entries that let a mirror in. Each index is a
 * link (Tab to reach it, Enter to open its page).
 */
export function BasesGraphView({ highlight }: { highlight?: string }) {
  const { data, error, isPending } = useQuery(graphQueryOptions());
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(680);
  const navigate = useNavigate();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 680)));
    observer.observe(el);
    return () => observer.disconnect();
    // The box exists only once the graph has loaded.
  }, [isPending]);
  if (isPending) return <p className="muted">Loading the bases graph…</p>;
  if (error) return <Alert tone="error" title="The bases graph could not load">{describeError(error)}</Alert>;
  const { placed, height, width: w } = layout(data, width);
  return (
    <div ref={box} className="bases-graph">
      <svg viewBox={`0 0 ${w} ${height}`} width="100%" height={height} role="group" aria-label={`Bases graph of ${data.nodes.length} indexes`}>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="graph-arrow" />
          </marker>
        </defs>
        {data.edges.map((e) => {
          const a = placed.get(e.from);
          const b = placed.get(e.to);
          if (!a || !b) return null;
          const x1 = a.x + NODE_W / 2;
          const y1 = a.y + NODE_H;
          const x2 = b.x + NODE_W / 2;
          const y2 = b.y;
          const dx = e.kind === 'whitelist' ? 24 : 0;
          const d = `M${x1 + dx},${y1} C${x1 + dx},${y1 + 30} ${x2 + dx},${y2 - 30} ${x2 + dx},${y2 - 2}`;
          const label = e.kind === 'base' ? String(e.order) : `whitelist: ${short(e.entries.join(', '), 18)}`;
          return (
            <g key={`${e.kind}:${e.from}>${e.to}`} className={`graph-edge graph-edge-${e.kind}${e.missing ? ' graph-edge-missing' : ''}`}>
              <title>{e.kind === 'base' ? `${e.from} inherits from ${e.to} (base ${e.order})` : `${e.from} whitelists ${e.entries.join(', ')} from ${e.to}`}</title>
              <path d={d} markerEnd="url(#arrow)" />
              <text x={(x1 + x2) / 2 + dx + 4} y={(y1 + y2) / 2} className="graph-edge-label">{label}</text>
            </g>
          );
        })}
        {[...placed.values()].map((n) => {
          const [user, index] = indexParts(n.name);
          const to = n.missing ? undefined : paths.indexes.detail.to(user, index);
          const body = (
            <>
              <rect x={n.x} y={n.y} width={NODE_W} height={NODE_H} rx="6" className={`graph-node graph-node-${n.type}${highlight === n.name ? ' graph-node-current' : ''}`} />
              <text x={n.x + 8} y={n.y + 18} className="graph-node-name">{short(n.name)}</text>
              <text x={n.x + 8} y={n.y + 35} className="graph-node-type">{n.missing ? 'missing base' : n.type}{n.whitelist.length > 0 ? ` · wl ${short(n.whitelist.join(','), 10)}` : ''}</text>
            </>
          );
          if (to === undefined) return <g key={n.name} aria-label={`${n.name}, a missing base`} role="img">{body}</g>;
          return (
            <a
              key={n.name}
              href={appUrl(to)}
              aria-label={`${n.name}, ${n.type}${n.whitelist.length ? `, whitelist ${n.whitelist.join(', ')}` : ''}`}
              onClick={(event) => {
                event.preventDefault();
                navigate(to);
              }}
            >
              <title>{n.name}</title>
              {body}
            </a>
          );
        })}
      </svg>
    </div>
  );
}
