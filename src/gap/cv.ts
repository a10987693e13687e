import { shuffleInPlace, type Rng } from "../analysis/random";

/**
 * Stratified k-fold cross-validation grouped by scenario: every group (a
 * scenario key "country+topic") lands in exactly one fold, and folds keep the
 * positive rate close to the overall one. Same greedy as sklearn's
 * StratifiedGroupKFold(shuffle=True): groups are shuffled (seeded), then taken
 * in order of decreasing spread of their class counts, and each goes to the
 * fold that minimizes the mean over classes of the std across folds of
 * (fold count of class c / total count of class c); ties go to the smaller fold.
 * Returns the fold (0..k−1) of every row.
 */
export function groupedStratifiedFolds(groups: readonly string[], y: ArrayLike<number>, k: number, rng: Rng): Int32Array {
  if (groups.length !== y.length) throw new RangeError(`length mismatch: ${groups.length} groups vs ${y.length} labels`);
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`folds must be an integer >= 2, got ${k}`);
  const byGroup = new Map<string, number[]>();
  for (let i = 0; i < groups.length; i++) {
    let g = byGroup.get(groups[i]);
    if (!g) byGroup.set(groups[i], (g = []));
    g.push(i);
  }
  if (byGroup.size < k) throw new RangeError(`cannot make ${k} folds from ${byGroup.size} groups`);
  const names = shuffleInPlace([...byGroup.keys()], rng);
  const counts = new Map(
    names.map((g) => {
      const rows = byGroup.get(g)!;
      const pos = rows.reduce((s, i) => s + (y[i] ? 1 : 0), 0);
      return [g, [rows.length - pos, pos]] as const;
    }),
  );
  const spread = (c: readonly number[]) => {
    const mu = (c[0] + c[1]) / 2;
    return Math.sqrt(((c[0] - mu) ** 2 + (c[1] - mu) ** 2) / 2);
  };
  // stable sort keeps the shuffled order among equal spreads
  names.sort((a, b) => spread(counts.get(b)!) - spread(counts.get(a)!));
  const total = [0, 0];
  for (const c of counts.values()) {
    total[0] += c[0];
    total[1] += c[1];
  }
  const foldCounts = Array.from({ length: k }, () => [0, 0]);
  const foldOf = new Map<string, number>();
  for (const g of names) {
    const c = counts.get(g)!;
    let best = -1;
    let bestCost = Infinity;
    let bestSize = Infinity;
    for (let f = 0; f < k; f++) {
      foldCounts[f][0] += c[0];
      foldCounts[f][1] += c[1];
      let cost = 0;
      for (let cls = 0; cls < 2; cls++) {
        if (total[cls] === 0) continue;
        const share = foldCounts.map((fc) => fc[cls] / total[cls]);
        const mu = share.reduce((s, v) => s + v, 0) / k;
        cost += Math.sqrt(share.reduce((s, v) => s + (v - mu) ** 2, 0) / k);
      }
      cost /= 2;
      const size = foldCounts[f][0] + foldCounts[f][1];
      foldCounts[f][0] -= c[0];
      foldCounts[f][1] -= c[1];
      if (cost < bestCost - 1e-12 || (Math.abs(cost - bestCost) <= 1e-12 && size < bestSize)) {
        best = f;
        bestCost = cost;
        bestSize = size;
      }
    }
    foldCounts[best][0] += c[0];
    foldCounts[best][1] += c[1];
    foldOf.set(g, best);
  }
  const out = new Int32Array(groups.length);
  for (let i = 0; i < groups.length; i++) out[i] = foldOf.get(groups[i])!;
  return out;
}
