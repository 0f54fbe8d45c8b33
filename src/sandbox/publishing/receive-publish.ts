import { rm } from 'node:fs/promises';
import type { SiteCaller } from '../auth/guards';
import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import { receiveMultipart, REQUEST_PAYLOAD, type ReceivedPart } from '../http/multipart-request';
import type { ContentFileType, UploadSession } from '../state/content-types';
import type { PublishParams } from './publish-params';
import { fileTypeOf, type PublishRules } from './rules';

export interface ReceivedFile {
  path: string;
  size: number;
  fileType: ContentFileType;
  /** For messages: the uploaded file's name, or a description of the upload session. */
  fileName: string;
}

export interface ReceivedPublish {
  payloadText: string | undefined;
  file: ReceivedFile;
  /** Call when the publish succeeded without keeping the file (an append): removes it. */
  consume(): Promise<void>;
  /** Call when the publish failed: removes received files, puts an upload session back for a retry. */
  abandon(): Promise<void>;
}

/**
 * Reads a publish request's body: a multipart/mixed message with request_payload and the file part (streamed to
 * a temporary file), or, with uploadSessionId, request_payload alone and the file of the upload session.
 */
export async function receivePublish(ctx: RequestContext, caller: SiteCaller, rules: PublishRules, params: PublishParams): Promise<ReceivedPublish> {
  const written: string[] = [];
  const removeWritten = () => Promise.all(written.map((path) => rm(path, { force: true }))).then(() => undefined);
  const tempPrefix = await ctx.state.content.files.tempPath(); // a fresh name in the folder for bodies being received
  let parts: ReceivedPart[];
  try {
    parts = await receiveMultipart(ctx, () => {
      const path = `${tempPrefix}-${written.length}`;
      written.push(path);
      return { path, flags: 'w', start: 0 };
    });
  } catch (error) {
    await removeWritten();
    throw error;
  }
  const payloadText = parts.find((part) => part.name === REQUEST_PAYLOAD)?.text;
  const fileParts = parts.filter((part) => part.name !== REQUEST_PAYLOAD);
  try {
    if (params.uploadSessionId !== undefined) {
      if (fileParts.length > 0) {
        throw apiError('badRequest', `The request names upload session '${params.uploadSessionId}' and also carries a file part ('${fileParts[0].name}'); send one or the other.`);
      }
      return await takeSession(ctx, caller, params, payloadText);
    }
    const file = singleFilePart(fileParts, rules);
    return {
      payloadText,
      file,
      consume: removeWritten,
      abandon: removeWritten,
    };
  } catch (error) {
    await removeWritten();
    throw error;
  }
}

function singleFilePart(fileParts: ReceivedPart[], rules: PublishRules): ReceivedFile {
  if (fileParts.length === 0) {
    throw apiError('badRequest', `The request has no ${rules.filePart} part and no uploadSessionId parameter; there is no ${rules.noun} to publish.`);
  }
  if (fileParts.length > 1) {
    throw apiError('badRequest', `The request carries ${fileParts.length} file parts; send exactly one ${rules.filePart} part.`);
  }
  const [part] = fileParts;
  if (part.name !== rules.filePart) {
    throw apiError('badRequest', `The file part must be named '${rules.filePart}', not '${part.name ?? '(unnamed)'}'.`);
  }
  if (!part.filename) {
    throw apiError(rules.fileNameError, `The ${rules.filePart} part needs a filename in its Content-Disposition (e.g. filename="Sales.${rules.fileTypes[1]}").`);
  }
  const fileType = fileTypeOf(rules, part.filename);
  if (!fileType) {
    throw apiError(rules.fileNameError, `The file name '${part.filename}' must end in ${rules.fileTypes.map((type) => `.${type}`).join(', ')} to publish a ${rules.noun}.`);
  }
  return { path: part.target?.path ?? '', size: part.size, fileType, fileName: part.filename };
}

/** Claims the upload session once appends in flight have finished, so no chunk lands in a file being published. */
async function takeSession(ctx: RequestContext, caller: SiteCaller, params: PublishParams, payloadText: string | undefined): Promise<ReceivedPublish> {
  const uploads = ctx.state.content.uploads;
  const id = params.uploadSessionId as string;
  const notFound = () =>
    apiError('fileUploadNotFound', `The upload session '${id}' doesn't correspond to an upload of user '${caller.user.name}' on site '${caller.site.name}' (it may have been published already).`);
  const found = uploads.get(caller.site.id, id);
  if (!found || found.userId !== caller.user.id) throw notFound();
  const session: UploadSession = await uploads.exclusive(id, async () => {
    const current = uploads.get(caller.site.id, id);
    if (!current) throw notFound();
    uploads.delete(id);
    return current;
  });
  if (session.size === 0) {
    uploads.restore(session);
    throw apiError('publishingError', `The upload session '${id}' holds no data; append the file with PUT .../fileUploads/${id} before publishing.`);
  }
  return {
    payloadText,
    file: { path: session.path, size: session.size, fileType: params.sessionFileType as ContentFileType, fileName: `upload ${id}.${params.sessionFileType}` },
    consume: () => rm(session.path, { force: true }),
    abandon: async () => uploads.restore(session),
  };
}
