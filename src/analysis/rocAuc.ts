/**
 * ROC-AUC by ranks (Mann–Whitney U), ties sharing their average rank:
 *   AUC = (R₁ − n₁(n₁+1)/2) / (n₁·n₀),
 * R₁ = sum of the ranks of the positives among all scores. Equals sklearn's
 * roc_auc_score. Null when one class is absent (undefined, sklearn raises).
 * Optional `weight` gives every item an integer multiplicity (a bootstrap
 * resample as counts), so resampling needs no re-sort: pass `order` (indices
 * sorted by score ascending) to reuse one sort.
 * Example: rocAuc([0,0,1,1], [0.1,0.4,0.35,0.8]) = 0.75.
 */
export function rocAuc(
  y: ArrayLike<number>,
  score: ArrayLike<number>,
  weight?: ArrayLike<number>,
  order?: ArrayLike<number>,
): number | null {
  const n = y.length;
  if (score.length !== n) throw new RangeError(`length mismatch: ${n} labels vs ${score.length} scores`);
  const idx = order ?? sortedOrder(score);
  let n1 = 0;
  let n0 = 0;
  let rankSumPos = 0;
  let rank = 0; // ranks used so far (weighted)
  let i = 0;
  while (i < n) {
    let j = i;
    let tieW = 0;
    let tiePos = 0;
    while (j < n && score[idx[j]] === score[idx[i]]) {
      const k = idx[j];
      const w = weight ? weight[k] : 1;
      tieW += w;
      if (y[k]) tiePos += w;
      j++;
    }
    // the tie block occupies ranks rank+1 .. rank+tieW; average = rank + (tieW+1)/2
    rankSumPos += tiePos * (rank + (tieW + 1) / 2);
    rank += tieW;
    n1 += tiePos;
    n0 += tieW - tiePos;
    i = j;
  }
  if (n1 === 0 || n0 === 0) return null;
  return (rankSumPos - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}

/** Indices sorted by score ascending (stable). */
export function sortedOrder(score: ArrayLike<number>): Int32Array {
  const idx = Int32Array.from({ length: score.length }, (_, i) => i);
  return idx.sort((a, b) => score[a] - score[b] || a - b);
}
