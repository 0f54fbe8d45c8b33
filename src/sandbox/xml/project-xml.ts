import type { ProjectRecord } from '../state/types';
import { attrs, type XmlNode } from './build';

/** `<project>` per the XSD projectType: attributes, then the `<owner>` child. */
export function projectXml(project: ProjectRecord): XmlNode {
  return {
    ...attrs({
      id: project.id,
      name: project.name,
      description: project.description,
      createdAt: project.createdAt,
      updatedAt: project.updatedAt,
      contentPermissions: project.contentPermissions,
      parentProjectId: project.parentProjectId ?? undefined,
      topLevelProject: project.parentProjectId === null,
      writeable: true,
    }),
    owner: project.ownerId ? attrs({ id: project.ownerId }) : undefined,
  };
}
