/** Types of the review API: aliases of the generated OpenAPI types (web/src/api/schema.ts). */
import type { ApiResponse } from '../../api/client.ts';

export type ReviewView = ApiResponse<'/api/projects/{id}/review', 'get'>;
/** The five review dimensions (shared/review-dimensions.ts, the server's list). */
export type { ReviewDimension as Dimension } from '../../../../shared/review-dimensions.ts';
export type ExpertAssignment = ApiResponse<'/api/projects/{id}/experts', 'get'>['items'][number];
export type ExpertPool = ApiResponse<'/api/experts', 'get'>;
export type CertificateItem = ApiResponse<'/api/projects/{id}/certificates', 'get'>['items'][number];
export type AssessmentItem = ApiResponse<'/api/department-assessments', 'get'>['items'][number];
