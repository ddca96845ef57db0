/**
 * What a rulebook demands of the review opinion itself. SC 第九条 (SC-09a) has the application carry
 * an information resource sharing analysis chapter (the `sharing_analysis_chapter` material); where
 * a rulebook asks for that chapter, the reviewer must give an opinion on it, and the filing
 * certificate or refusal notice carries that opinion as its own section.
 */
import type { Rulebook } from './model.ts';

/** The material code of the sharing analysis chapter (信息资源共享分析篇). */
export const SHARING_ANALYSIS_MATERIAL = 'sharing_analysis_chapter';

/** The article that requires a sharing-analysis opinion, or undefined when the rulebook does not. */
export function sharingOpinionArticle(rulebook: Rulebook): string | undefined {
  for (const stage of rulebook.workflow.stages) {
    for (const step of stage.steps) {
      const material = step.materials.find((m) => m.code === SHARING_ANALYSIS_MATERIAL);
      if (material) return material.articles[0] ?? step.articles[0];
    }
  }
  return undefined;
}
