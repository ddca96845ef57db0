/**
 * Materials over HTTP: upload (multipart, inspected, SM4-encrypted at rest), removal and download as
 * an attachment under the original name (SECURITY.md 27).
 */
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type, { type Static } from 'typebox';
import { commandContext } from '../identity/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordEvent } from '../platform/command.ts';
import { invalid } from '../platform/errors.ts';
import {
  contentDisposition,
  FILE_KINDS,
  inspectionError,
  inspectUpload,
  PROJECT_MATERIAL_KINDS,
} from '../platform/files/inspect.ts';
import { errors } from '../platform/http/schemas.ts';
import type { ProjectDeps } from '../workflow/index.ts';
import { loadWorkflowEnv } from './env.ts';
import { addMaterial, downloadableMaterial, removeMaterial } from './materials.ts';
import { visibleContext } from './repository.ts';
import { Created, ProjectDetail } from './responses.ts';
import { FileDownload, MaterialParams, ProjectParams } from './schemas.ts';

/** MIME types shown inline on 预览: PDF and the raster images the upload inspection accepts. */
const PREVIEWABLE: ReadonlySet<string> = new Set(['application/pdf', 'image/png', 'image/jpeg']);

const TAGS = ['项目'];
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const actorOf = (req: FastifyRequest): Actor => req.actor!;

export function registerMaterialRoutes(
  root: FastifyInstance,
  deps: ProjectDeps,
  detail: (actor: Actor, id: string) => Promise<Static<typeof ProjectDetail>>,
): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const env = () => loadWorkflowEnv(deps.db, deps.clock, deps.keyring);

  app.delete(
    '/api/projects/:id/materials/:materialId',
    {
      schema: {
        tags: TAGS,
        summary: '删除材料（草稿或退回后）',
        params: MaterialParams,
        response: { 200: ProjectDetail, ...errors },
      },
    },
    async (req) => {
      const { id, materialId } = req.params;
      const e = await env();
      await removeMaterial(deps, commandContext(req), e, id, materialId);
      return detail(actorOf(req), id);
    },
  );

  app.get(
    '/api/projects/:id/materials/:materialId/download',
    {
      schema: {
        tags: TAGS,
        summary: '下载材料（以附件方式，按原文件名）；PDF 和图片可 ?inline=true 在浏览器中预览',
        params: MaterialParams,
        querystring: Type.Object({ inline: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: FileDownload('材料文件'), ...errors },
      },
    },
    async (req, reply) => {
      const { id, materialId } = req.params;
      const e = await env();
      const { pc } = await visibleContext(deps.db, e, actorOf(req), id);
      const material = downloadableMaterial(pc, materialId);
      const inline = req.query.inline === true;
      // Preview (issue 17 item 11) only for the types a browser shows without running anything of
      // the file's; everything else stays an attachment.
      if (inline && !PREVIEWABLE.has(material.mime)) {
        throw invalid('PREVIEW_UNSUPPORTED', '该类型的文件不能在线预览，请下载后查看', { field: 'inline' });
      }
      const data = await deps.files.get(material.storageName);
      await recordEvent(deps, commandContext(req), {
        action: 'material.download',
        objectType: 'project',
        objectId: id,
        details: { materialId, materialCode: material.materialCode, sm3: material.sm3, inline },
      });
      reply
        .header('content-type', material.mime)
        .header(
          'content-disposition',
          inline
            ? contentDisposition(material.originalName).replace(/^attachment;/, 'inline;')
            : contentDisposition(material.originalName),
        )
        .header('x-content-type-options', 'nosniff');
      // A previewed file is its own sandboxed document: no scripts, no forms, nothing loaded.
      if (inline)
        reply.header(
          'content-security-policy',
          "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        );
      return reply.send(data);
    },
  );

  // Multipart parsing lives in its own context, so it touches no other route.
  app.register(async (child) => {
    await child.register(multipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 200 },
    });
    child.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/projects/:id/materials',
      {
        schema: {
          tags: TAGS,
          summary: '上传材料或决定文书（multipart：materialCode、可选 stepId、file）',
          consumes: ['multipart/form-data'],
          params: ProjectParams,
          response: { 201: Created, ...errors },
        },
      },
      async (req, reply) => {
        const { id } = req.params;
        const fields: Record<string, string> = {};
        let file: { name: string; data: Buffer } | null = null;
        if (!req.isMultipart())
          throw invalid('MULTIPART_REQUIRED', '请以 multipart/form-data 上传文件', { field: 'file' });
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            if (file) throw invalid('ONE_FILE_ONLY', '一次只能上传一个文件', { field: 'file' });
            const data = await part.toBuffer();
            if (part.file.truncated)
              throw invalid('FILE_TOO_LARGE', '文件大小超过上限（50 MiB）', { field: 'file' });
            file = { name: part.filename, data };
          } else {
            fields[part.fieldname] = String(part.value);
          }
        }
        const unknown = Object.keys(fields).filter((k) => k !== 'materialCode' && k !== 'stepId');
        if (unknown.length > 0)
          throw invalid('VALIDATION_FAILED', `不允许的字段：${unknown[0]}`, { field: unknown[0] });
        const materialCode = fields.materialCode ?? '';
        if (!/^[a-z_]{2,50}$/.test(materialCode)) {
          throw invalid('VALIDATION_FAILED', '缺少或错误的材料类别 materialCode', { field: 'materialCode' });
        }
        const stepId = fields.stepId ? fields.stepId : null;
        if (stepId !== null && !/^[a-z0-9_.-]{3,80}$/.test(stepId)) {
          throw invalid('VALIDATION_FAILED', '环节编号格式不正确', { field: 'stepId' });
        }
        if (!file) throw invalid('FILE_REQUIRED', '请选择要上传的文件', { field: 'file' });
        const originalName = file.name.normalize('NFC').slice(0, 200);
        const inspected = await inspectUpload(file.data, originalName, {
          allowed: PROJECT_MATERIAL_KINDS,
          maxBytes: MAX_UPLOAD_BYTES,
        });
        if (!inspected.ok) throw inspectionError(inspected);
        const stored = await deps.files.put(file.data, inspected.kind);
        try {
          const e = await env();
          const materialId = await addMaterial(
            deps,
            commandContext(req),
            e,
            id,
            { materialCode, stepId },
            {
              originalName,
              storageName: stored.storageName,
              kind: inspected.kind,
              mime: inspected.mime || FILE_KINDS[inspected.kind].mime,
              size: inspected.size,
              sha256: stored.sha256,
              sm3: stored.sm3,
            },
          );
          reply.status(201);
          return { id: materialId };
        } catch (err) {
          await deps.files.discard(stored.storageName);
          throw err;
        }
      },
    );
  });
}
