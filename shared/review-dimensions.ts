/**
 * The five dimensions of the reasonableness review (合理性审核), in the order of DT 第九条, by their
 * glossary names. The server's review (src/review/certificate.ts re-exports them) scores and documents
 * them and serves them with their labels in GET /api/projects/meta; the web types its forms with them.
 */
export const REVIEW_DIMENSIONS = ['need', 'consolidation', 'feasibility', 'budget', 'targets'] as const;
export type ReviewDimension = (typeof REVIEW_DIMENSIONS)[number];

export const REVIEW_DIMENSION_LABELS: Readonly<Record<ReviewDimension, string>> = {
  need: '需求合理性',
  consolidation: '建设集约性',
  feasibility: '方案可行性',
  budget: '预算合理性',
  targets: '绩效目标合理性',
};
