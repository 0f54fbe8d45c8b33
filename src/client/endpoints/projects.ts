import type { PaginationItem } from '../models/pagination-item';
import { ProjectItem } from '../models/project-item';
import type { RequestOptions } from '../request-options';
import { child } from '../xml/parse';
import { buildRequest, el } from '../xml/build';
import { Endpoint, requireId, segment } from './endpoint';

export class ProjectsEndpoint extends Endpoint {
  get(reqOptions?: RequestOptions): Promise<[ProjectItem[], PaginationItem]> {
    return this.list({ method: 'GET', path: 'projects', site: true }, reqOptions, ProjectItem.listFromResponse);
  }

  async create(projectItem: ProjectItem): Promise<ProjectItem> {
    const response = await this.api.xml({ method: 'POST', path: 'projects', site: true, body: buildRequest(projectElement(projectItem)) });
    return ProjectItem.fromElement(child(response, 'project') ?? {});
  }

  async update(projectItem: ProjectItem): Promise<ProjectItem> {
    const id = requireId(projectItem.id, 'Project item missing ID.');
    const response = await this.api.xml({ method: 'PUT', path: `projects/${segment(id)}`, site: true, body: buildRequest(projectElement(projectItem)) });
    return ProjectItem.fromElement(child(response, 'project') ?? {});
  }

  async delete(projectId: string): Promise<void> {
    requireId(projectId, 'Project ID undefined.');
    await this.api.empty({ method: 'DELETE', path: `projects/${segment(projectId)}`, site: true });
  }
}

function projectElement(project: ProjectItem) {
  return el('project', {
    name: project.name,
    description: project.description,
    contentPermissions: project.contentPermissions,
    parentProjectId: project.parentId,
  });
}
