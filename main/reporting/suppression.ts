// Runs in: main process and CLI. Small groups in the accountability view: a group of fewer than
// MIN_GROUP applicants is shown as "fewer than 10", not as numbers; and when a dimension has
// exactly one such group, the next smallest is hidden too, so the hidden one cannot be worked out
// by subtracting the others from the total.
import type { GroupDimension, VerificationCounts, VerificationGroup } from '../../ipc/channels/reporting';

export const MIN_GROUP = 10;

export function suppressSmallGroups(
  rows: { dimension: GroupDimension; group: string; counts: VerificationCounts }[],
  min = MIN_GROUP,
): VerificationGroup[] {
  const hidden = new Set<(typeof rows)[number]>(rows.filter((r) => r.counts.applicants < min));
  const dimensions = [...new Set(rows.map((r) => r.dimension))];
  for (const d of dimensions) {
    const inDim = rows.filter((r) => r.dimension === d);
    if (inDim.filter((r) => hidden.has(r)).length !== 1) continue;
    const next = inDim
      .filter((r) => !hidden.has(r))
      .sort((a, b) => a.counts.applicants - b.counts.applicants || a.group.localeCompare(b.group))[0];
    if (next) hidden.add(next);
  }
  return rows.map((r) =>
    hidden.has(r)
      ? { dimension: r.dimension, group: r.group, suppressed: true, counts: null }
      : { dimension: r.dimension, group: r.group, suppressed: false, counts: r.counts },
  );
}
