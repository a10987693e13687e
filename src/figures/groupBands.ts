import { GROUPS, VALUE_GROUPS, type ValueGroup } from "../catalog";

/**
 * Group separators and labels for an axis that lists the 56 values in group
 * order (method.md §2): a vertical line between two Schwartz groups and the
 * group name above its columns, on a bracket. Narrow neighbouring groups
 * (Hedonism: 2 columns, Stimulation: 3) would collide, so a label that would
 * overlap the previous one on its row moves up one row.
 */
export interface GroupBands {
  shapes: Record<string, unknown>[];
  annotations: Record<string, unknown>[];
  /** Label rows used (1 or 2): the caller reserves `rows * ROW_PX` of top margin. */
  rows: number;
}

/** Height of one label row in pixels. */
export const ROW_PX = 18;
const FONT_SIZE = 13;
/** Rough width of one character at FONT_SIZE; plotly's default font is Open Sans / Arial. */
const CHAR_PX = FONT_SIZE * 0.58;

/** First column index of every group, in group order. */
export function groupStarts(): { group: ValueGroup; start: number; size: number }[] {
  let start = 0;
  return GROUPS.map((group) => {
    const size = VALUE_GROUPS[group].length;
    const out = { group, start, size };
    start += size;
    return out;
  });
}

/**
 * @param cellPx width of one value column in pixels (to decide label rows).
 * @param separatorColour colour of the lines between groups.
 */
export function groupBands(cellPx: number, separatorColour = "#333333"): GroupBands {
  const groups = groupStarts();
  const shapes: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  // Right edge (px) of the last label placed on each row.
  const rowEnds: number[] = [];
  for (const { group, start, size } of groups) {
    if (start > 0) {
      shapes.push({
        type: "line",
        name: `separator:${group}`,
        xref: "x",
        yref: "paper",
        x0: start - 0.5,
        x1: start - 0.5,
        y0: 0,
        y1: 1,
        line: { color: separatorColour, width: 2 },
        layer: "above",
      });
    }
    const centre = start + (size - 1) / 2;
    const half = (group.length * CHAR_PX) / 2 + 3;
    const centrePx = (centre + 0.5) * cellPx;
    let row = 0;
    while (rowEnds[row] !== undefined && rowEnds[row] > centrePx - half) row++;
    rowEnds[row] = centrePx + half;
    const lift = 4 + row * ROW_PX;
    shapes.push({
      type: "line",
      name: `bracket:${group}`,
      xref: "x",
      yref: "paper",
      ysizemode: "pixel",
      yanchor: 1,
      x0: start - 0.4,
      x1: start + size - 0.6,
      y0: lift,
      y1: lift,
      line: { color: "#555555", width: 1 },
    });
    annotations.push({
      name: `group:${group}`,
      text: group,
      xref: "x",
      yref: "paper",
      x: centre,
      y: 1,
      yshift: lift + 1,
      xanchor: "center",
      yanchor: "bottom",
      showarrow: false,
      font: { size: FONT_SIZE, color: "#222222" },
    });
  }
  return { shapes, annotations, rows: rowEnds.length };
}
