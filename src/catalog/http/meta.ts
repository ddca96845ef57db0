/**
 * What the catalog pages need to draw forms and labels: every enumeration with its Chinese label
 * (the web app does not copy them), and what the caller may do and for which organisations.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { CommandDeps } from '../../platform/command.ts';
import { errors, strict } from '../../platform/http/schemas.ts';
import { defaultOwner, RESOURCE_ACTIONS } from '../access.ts';
import {
  CLOUD_MIGRATION_STATUSES,
  CLOUD_SERVICE_CATEGORIES,
  DATA_ITEM_TYPES,
  DEPLOYMENTS,
  type EnumList,
  FORMAT_CLASSES,
  LENGTH_REQUIRED_TYPES,
  NETWORKS,
  OPENNESS_TYPES,
  RESOURCE_CATEGORIES,
  RESOURCE_STATES,
  SHARING_METHODS,
  SHARING_METHODS_BY_FORMAT,
  SHARING_TYPES,
  SYSTEM_STATUSES,
  UPDATE_CYCLES,
} from '../model.ts';
import { jurisdictionsByIds, ownerOrganisations } from '../store/lookups.ts';
import { callerFrom, TAGS } from './common.ts';

const Option = Type.Object({ code: Type.String(), label: Type.String() }, strict);
const Options = Type.Array(Option);
const options = (list: EnumList) => list.map(({ code, label }) => ({ code, label }));

export const CLOUD_STATUSES = [
  { code: 'draft', label: '待审定' },
  { code: 'approved', label: '已审定' },
  { code: 'published', label: '已发布' },
] as const;

const Meta = Type.Object(
  {
    systemStatuses: Options,
    deployments: Options,
    networks: Options,
    cloudMigrationStatuses: Options,
    resourceCategories: Options,
    formatClasses: Type.Array(
      Type.Object(
        {
          code: Type.String(),
          label: Type.String(),
          formats: Type.Array(Type.String()),
          formatRequired: Type.Boolean(),
          sharingMethods: Type.Array(Type.String(), { description: '该格式可用的共享方式' }),
        },
        strict,
      ),
    ),
    sharingTypes: Options,
    sharingMethods: Options,
    opennessTypes: Options,
    updateCycles: Options,
    dataItemTypes: Options,
    lengthRequiredTypes: Type.Array(Type.String()),
    resourceStates: Options,
    resourceActions: Options,
    cloudServiceCategories: Options,
    cloudStatuses: Options,
    me: Type.Object(
      {
        organisations: Type.Array(
          Type.Object(
            { id: Type.String(), name: Type.String(), kind: Type.String(), jurisdictionName: Type.String() },
            strict,
          ),
          { description: '可登记（作为责任部门、资源提供方）的单位' },
        ),
        defaultOrganisationId: Type.Union([Type.String(), Type.Null()], {
          description: '新条目默认的单位（本单位）',
        }),
        canEdit: Type.Boolean({ description: '可登记、修改系统和资源' }),
        manages: Type.Boolean({ description: '主管部门：审核、发布、下架，编制云服务目录' }),
        approvesCloud: Type.Boolean({ description: '可审定云服务目录（主管部门、财政）' }),
        readsJurisdiction: Type.Boolean({ description: '看本辖区全部目录和只减不增统计' }),
        jurisdictions: Type.Array(
          Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }, strict),
        ),
      },
      strict,
    ),
  },
  strict,
);

export function registerMetaRoutes(app: FastifyInstance, deps: CommandDeps): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get(
    '/api/catalog/meta',
    {
      schema: {
        tags: TAGS.systems,
        summary: '目录的选项（代码与中文名）及当前用户的目录权限',
        response: { 200: Meta, ...errors },
      },
    },
    async (req) => {
      const caller = callerFrom(req, deps);
      const organisations = await ownerOrganisations(deps.db, caller.scope);
      const jurisdictions = await jurisdictionsByIds(deps.db, caller.scope.readJurisdictions);
      return {
        systemStatuses: options(SYSTEM_STATUSES),
        deployments: options(DEPLOYMENTS),
        networks: options(NETWORKS),
        cloudMigrationStatuses: options(CLOUD_MIGRATION_STATUSES),
        resourceCategories: options(RESOURCE_CATEGORIES),
        formatClasses: FORMAT_CLASSES.map((c) => ({
          code: c.code,
          label: c.label,
          formats: [...c.formats],
          formatRequired: c.formatRequired,
          sharingMethods: [...SHARING_METHODS_BY_FORMAT[c.code]],
        })),
        sharingTypes: options(SHARING_TYPES),
        sharingMethods: options(SHARING_METHODS),
        opennessTypes: options(OPENNESS_TYPES),
        updateCycles: options(UPDATE_CYCLES),
        dataItemTypes: options(DATA_ITEM_TYPES),
        lengthRequiredTypes: [...LENGTH_REQUIRED_TYPES],
        resourceStates: options(RESOURCE_STATES),
        resourceActions: Object.entries(RESOURCE_ACTIONS).map(([code, spec]) => ({
          code,
          label: spec.label,
        })),
        cloudServiceCategories: options(CLOUD_SERVICE_CATEGORIES),
        cloudStatuses: options(CLOUD_STATUSES),
        me: {
          organisations: organisations.map((o) => ({
            id: o.id,
            name: o.name,
            kind: o.kind,
            jurisdictionName: o.jurisdictionName,
          })),
          defaultOrganisationId: defaultOwner(caller.assignments) ?? null,
          canEdit: organisations.length > 0,
          manages: caller.scope.manageJurisdictions.length > 0,
          approvesCloud:
            caller.scope.manageJurisdictions.length + caller.scope.financeJurisdictions.length > 0,
          readsJurisdiction: caller.scope.readJurisdictions.length > 0,
          jurisdictions: jurisdictions.map((j) => ({ id: j.id, code: j.code, name: j.name })),
        },
      };
    },
  );
}
