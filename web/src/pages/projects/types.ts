/**
 * Types of the project API, as aliases of the types generated from the OpenAPI
 * document (web/src/api/schema.ts, `npm run gen:api-types`). Only the form's own model
 * (ApplicationInput) is declared here.
 */
import type { ApiResponse } from '../../api/client.ts';

export type ProjectDetail = ApiResponse<'/api/projects/{id}', 'get'>;
export type Named = ProjectDetail['owner'];
export type WorkflowStep = ProjectDetail['workflow']['steps'][number];
export type OpenStep = ProjectDetail['workflow']['openSteps'][number];
export type MaterialItem = ProjectDetail['materials'][number];
export type ProjectListItem = ApiResponse<'/api/projects', 'get'>['items'][number];
export type TimelineItem = ApiResponse<'/api/projects/{id}/timeline', 'get'>['items'][number];
export type SubmissionSummary = ApiResponse<'/api/projects/{id}/submissions', 'get'>['items'][number];
export type SubmissionDetail = ApiResponse<'/api/projects/{id}/submissions/{seq}', 'get'>;

/** The application as the form edits it (POST /api/projects, PATCH /api/projects/:id). */
export interface ApplicationInput {
  name: string;
  type: string;
  category: string;
  fundingMode: string;
  summary: string;
  planEntryId: string | null;
  parentProjectId: string | null;
  shareOfParent: string | null;
  coBuilderIds: string[];
  totalBudget: string;
  budgetByYear: { year: number; amount: string }[];
  systems: { systemId: string | null; name: string | null; relation: string }[];
  resources: { resourceId: string; relation: string }[];
  cloudServices: { serviceId: string | null; name: string }[];
  dedicatedNetwork: boolean;
  dedicatedNetworkBasis: string | null;
  /** 涉密项目: 朔城区、城区、忻州交通运输局的办法只适用于非涉密项目. */
  classified: boolean;
  projectOwner: { name: string; title: string; phone: string } | null;
  performanceTargets: { indicator: string; target: string }[];
  declarations: Record<string, boolean>;
}
