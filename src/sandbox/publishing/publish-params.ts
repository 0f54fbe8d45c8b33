import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import type { ContentFileType } from '../state/content-types';
import { booleanParameter } from '../routes/content-access';
import type { PublishRules } from './rules';

export interface PublishParams {
  overwrite: boolean;
  append: boolean;
  /** Set when committing a file uploaded through an upload session. */
  uploadSessionId: string | undefined;
  /** The workbookType / datasourceType parameter, required with uploadSessionId. */
  sessionFileType: ContentFileType | undefined;
}

/** Publish query parameters, checked before any of the body is read. */
export function readPublishParams(ctx: RequestContext, rules: PublishRules): PublishParams {
  const overwrite = booleanParameter(ctx, 'overwrite') ?? false;
  const append = booleanParameter(ctx, 'append') ?? false;
  if (append && rules.kind === 'workbook') {
    throw apiError('invalidParameterValue', 'Workbooks cannot be appended; drop append=true (use overwrite=true to replace a workbook).');
  }
  if (overwrite && append) {
    throw apiError('overwriteWithAppend', 'The overwrite and append parameters cannot both be true; choose one.');
  }
  if (booleanParameter(ctx, 'asJob')) {
    throw apiError('invalidParameterValue', 'asJob=true is not supported by the sandbox (it runs no background jobs); publish without asJob.');
  }
  booleanParameter(ctx, 'skipConnectionCheck'); // accepted; the sandbox never checks connections
  const uploadSessionId = ctx.query.get('uploadSessionId') || undefined;
  let sessionFileType: ContentFileType | undefined;
  if (uploadSessionId !== undefined) {
    const raw = ctx.query.get(rules.typeParameter)?.toLowerCase();
    sessionFileType = rules.fileTypes.find((type) => type === raw);
    if (!sessionFileType) {
      const given = raw === undefined ? 'is missing' : `is '${raw}'`;
      throw apiError(rules.fileTypeError, `Committing upload session '${uploadSessionId}' needs ${rules.typeParameter}=${rules.fileTypes.join('|')}; the parameter ${given}.`);
    }
  }
  return { overwrite, append, uploadSessionId, sessionFileType };
}
