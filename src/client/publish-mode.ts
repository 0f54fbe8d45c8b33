/** What publishing does when content with the same name exists: `Server.PublishMode` in TSC. */
export const PublishMode = {
  CreateNew: 'CreateNew',
  Overwrite: 'Overwrite',
  Append: 'Append',
} as const;
export type PublishModeValue = (typeof PublishMode)[keyof typeof PublishMode];
