/** The audit routes' TypeBox schemas (→ OpenAPI → web/src/api/schema.d.ts). */
import { Type } from 'typebox';

/** The filters of the audit log page and of the export. */
export const AuditFilters = {
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  actor: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  outcome: Type.Optional(Type.Union(['success', 'failure', 'denied', 'refused'].map((v) => Type.Literal(v)))),
};

export const AuditItem = Type.Object(
  {
    id: Type.Integer(),
    at: Type.String(),
    actorName: Type.Union([Type.String(), Type.Null()]),
    /** The person's name (王敏) beside the recorded user name; null for anonymous attempts. */
    actorDisplayName: Type.Union([Type.String(), Type.Null()]),
    role: Type.Union([Type.String(), Type.Null()]),
    roleName: Type.Union([Type.String(), Type.Null()]),
    organisationName: Type.Union([Type.String(), Type.Null()]),
    action: Type.String(),
    actionName: Type.String(),
    objectType: Type.Union([Type.String(), Type.Null()]),
    objectId: Type.Union([Type.String(), Type.Null()]),
    /** What the object is called (a user's name, a project's or organisation's name), not its id. */
    objectName: Type.Union([Type.String(), Type.Null()]),
    outcome: Type.String(),
    sourceIp: Type.Union([Type.String(), Type.Null()]),
    requestId: Type.Union([Type.String(), Type.Null()]),
    details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  },
  { additionalProperties: false },
);
