import type { ErrorCodeName } from '../http/error-codes';
import type { ContentFileType } from '../state/content-types';

/** What differs between publishing a workbook and a data source. */
export interface PublishRules {
  kind: 'workbook' | 'datasource';
  noun: string;
  /** The multipart part carrying the file in a single-request publish. */
  filePart: 'tableau_workbook' | 'tableau_datasource';
  /** The query parameter naming the file type when committing an upload session. */
  typeParameter: 'workbookType' | 'datasourceType';
  fileTypes: readonly ContentFileType[];
  /** The file name in the file part does not end in an accepted extension. */
  fileNameError: ErrorCodeName;
  /** The type parameter is missing or not an accepted file type. */
  fileTypeError: ErrorCodeName;
}

export const WORKBOOK_RULES: PublishRules = {
  kind: 'workbook',
  noun: 'workbook',
  filePart: 'tableau_workbook',
  typeParameter: 'workbookType',
  fileTypes: ['twb', 'twbx'],
  fileNameError: 'invalidWorkbookFileName',
  fileTypeError: 'invalidWorkbookFileType',
};

export const DATASOURCE_RULES: PublishRules = {
  kind: 'datasource',
  noun: 'data source',
  filePart: 'tableau_datasource',
  typeParameter: 'datasourceType',
  fileTypes: ['tds', 'tdsx', 'tde', 'hyper'],
  fileNameError: 'invalidDatasourceFile',
  fileTypeError: 'invalidDatasourceFile',
};

export function fileTypeOf(rules: PublishRules, fileName: string): ContentFileType | undefined {
  const extension = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return rules.fileTypes.find((type) => type === extension);
}
