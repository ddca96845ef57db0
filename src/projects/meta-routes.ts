/**
 * What the project pages need to draw forms, filters and labels: every project enumeration with its
 * Chinese label, so the web app does not copy them (like GET /api/catalog/meta).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { errors, strict } from '../platform/http/schemas.ts';
import { REVIEW_DIMENSION_LABELS, REVIEW_DIMENSIONS } from '../review/index.ts';
import {
  ASSESSMENT_GRADES,
  ASSIGNMENT_KINDS,
  DECLARATION_LABELS,
  DECLARATIONS,
  EXPERT_CONCLUSIONS,
  EXPERT_FIELDS,
  FUNDING_MODES,
  type Labelled,
  PLAN_KINDS,
  PLAN_SCOPES,
  PLAN_STATUSES,
  PROJECT_CATEGORIES,
  PROJECT_STATES,
  PROJECT_TYPES,
  RESOURCE_RELATIONS,
  REVIEW_FINDING_LABELS,
  REVIEW_FINDINGS,
  SYSTEM_RELATIONS,
} from './model.ts';

const TAGS = ['项目'];

const Option = Type.Object({ code: Type.String(), label: Type.String() }, strict);
const Options = (description: string) => Type.Array(Option, { description });

export const ProjectMeta = Type.Object(
  {
    types: Options('项目类型'),
    categories: Options('项目类别'),
    fundingModes: Options('建设模式'),
    states: Options('项目状态'),
    systemRelations: Options('与信息系统的关系（新建、改造）'),
    resourceRelations: Options('与信息资源的关系（产生、使用）'),
    declarations: Options('申报声明'),
    reviewDimensions: Options('审核意见的五个方面'),
    reviewFindings: Options('审核认定'),
    expertFields: Options('专家领域'),
    expertConclusions: Options('专家结论'),
    assessmentGrades: Options('专家评价等级'),
    assignmentKinds: Options('指派对象'),
    planKinds: Options('规划类型'),
    planScopes: Options('规划范围'),
    planStatuses: Options('规划状态'),
  },
  strict,
);

const options = (list: readonly Labelled[]) => list.map(({ code, label }) => ({ code, label }));
const labelled = <C extends string>(list: readonly C[], labels: Readonly<Record<C, string>>) =>
  list.map((code) => ({ code, label: labels[code] }));

/** The same for every caller: built once. */
const META = {
  types: options(PROJECT_TYPES),
  categories: options(PROJECT_CATEGORIES),
  fundingModes: options(FUNDING_MODES),
  states: options(PROJECT_STATES),
  systemRelations: options(SYSTEM_RELATIONS),
  resourceRelations: options(RESOURCE_RELATIONS),
  declarations: labelled(DECLARATIONS, DECLARATION_LABELS),
  reviewDimensions: labelled(REVIEW_DIMENSIONS, REVIEW_DIMENSION_LABELS),
  reviewFindings: labelled(REVIEW_FINDINGS, REVIEW_FINDING_LABELS),
  expertFields: options(EXPERT_FIELDS),
  expertConclusions: options(EXPERT_CONCLUSIONS),
  assessmentGrades: options(ASSESSMENT_GRADES),
  assignmentKinds: options(ASSIGNMENT_KINDS),
  planKinds: options(PLAN_KINDS),
  planScopes: options(PLAN_SCOPES),
  planStatuses: options(PLAN_STATUSES),
};

export function registerProjectMetaRoutes(root: FastifyInstance): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/projects/meta',
    {
      schema: {
        tags: TAGS,
        summary: '项目的选项（代码与中文名）：类型、类别、建设模式、状态、申报声明、审核与专家评价、规划',
        response: { 200: ProjectMeta, ...errors },
      },
    },
    async () => META,
  );
}
