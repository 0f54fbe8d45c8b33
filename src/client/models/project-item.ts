import { attr, child, children, dateAttr, type XmlElement } from '../xml/parse';

export class ProjectItem {
  static readonly ContentPermissions = {
    LockedToProject: 'LockedToProject',
    ManagedByOwner: 'ManagedByOwner',
    LockedToProjectWithoutNested: 'LockedToProjectWithoutNested',
  } as const;

  id?: string;
  ownerId?: string;
  createdAt?: Date;
  updatedAt?: Date;

  constructor(
    public name: string,
    public description?: string,
    public contentPermissions?: string,
    public parentId?: string,
  ) {}

  static fromElement(element: XmlElement): ProjectItem {
    const project = new ProjectItem(
      attr(element, 'name') ?? '',
      attr(element, 'description'),
      attr(element, 'contentPermissions'),
      attr(element, 'parentProjectId') || undefined,
    );
    project.id = attr(element, 'id');
    project.ownerId = attr(child(element, 'owner'), 'id');
    project.createdAt = dateAttr(element, 'createdAt');
    project.updatedAt = dateAttr(element, 'updatedAt');
    return project;
  }

  static listFromResponse(response: XmlElement): ProjectItem[] {
    return children(child(response, 'projects'), 'project').map((element) => ProjectItem.fromElement(element));
  }
}
