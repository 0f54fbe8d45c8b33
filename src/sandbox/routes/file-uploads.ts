import { truncate, writeFile } from 'node:fs/promises';
import { requireSiteCaller } from '../auth/guards';
import { canPublish } from '../auth/roles';
import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import { receiveMultipart, type FileTarget } from '../http/multipart-request';
import { xml, type RouteResponse } from '../http/respond';
import type { Route } from '../http/router';
import { fileUploadXml } from '../xml/content-xml';

/**
 * Initiate File Upload and Append to File Upload. A chunk is a multipart/mixed body with a request_payload part
 * (empty) and a tableau_file part; it is written straight into the session's file at the end of what is already
 * there, and counts only when its body arrived whole: a connection dropped midway, or a body cut before its
 * closing boundary, leaves the session as it was.
 */

const FILE_PART = 'tableau_file';

async function initiateFileUpload(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  if (!canPublish(caller.role)) {
    throw apiError('publishForbidden', `User '${caller.user.name}' (${caller.role}) may not upload files for publishing.`);
  }
  const content = ctx.state.content;
  const path = await content.files.uploadPath();
  await writeFile(path, '');
  const session = content.uploads.create(caller.site.id, caller.user.id, path);
  return xml(201, { fileUpload: fileUploadXml(session) });
}

async function appendToFileUpload(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const uploads = ctx.state.content.uploads;
  const id = ctx.param('uploadSessionId');
  const notFound = () =>
    apiError('fileUploadNotFound', `The upload session '${id}' doesn't correspond to an upload of user '${caller.user.name}' on site '${caller.site.name}' (it may have been published already).`);
  const initial = uploads.get(caller.site.id, id);
  if (!initial || initial.userId !== caller.user.id) throw notFound();
  return uploads.exclusive(id, async () => {
    const session = uploads.get(caller.site.id, id);
    if (!session) throw notFound();
    const start = session.size;
    let target: FileTarget | undefined;
    try {
      const parts = await receiveMultipart(ctx, (headers) => {
        if (headers.name !== FILE_PART) throw apiError('badRequest', `An upload chunk carries its bytes in a part named '${FILE_PART}', not '${headers.name ?? '(unnamed)'}'.`);
        if (target) throw apiError('badRequest', `An upload chunk carries exactly one '${FILE_PART}' part.`);
        target = { path: session.path, flags: 'r+', start };
        return target;
      });
      const chunk = parts.find((part) => part.name === FILE_PART);
      if (!chunk) throw apiError('badRequest', `The request has no '${FILE_PART}' part: there is nothing to append.`);
      session.size = start + chunk.size;
      return xml(200, { fileUpload: fileUploadXml(session) });
    } catch (error) {
      await truncate(session.path, start).catch(() => undefined);
      throw error;
    }
  });
}

export const fileUploadRoutes: Route[] = [
  { method: 'POST', path: '/sites/:siteId/fileUploads', handler: initiateFileUpload },
  { method: 'PUT', path: '/sites/:siteId/fileUploads/:uploadSessionId', handler: appendToFileUpload },
];
