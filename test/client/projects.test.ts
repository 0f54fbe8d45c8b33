import assert from 'node:assert/strict';
import { MissingRequiredFieldError, ProjectItem, ServerResponseError } from '../../src/client';
import { useClient } from '../support/client-fixture';

describe('client: projects', function () {
  const env = useClient({ seed: 'empty' });

  it('creates, lists, updates and deletes a project', async function () {
    const created = await env.server.projects.create(
      new ProjectItem('Finance Reports', 'Monthly close', ProjectItem.ContentPermissions.LockedToProject),
    );
    assert.ok(created.id);
    assert.equal(created.description, 'Monthly close');
    assert.equal(created.contentPermissions, 'LockedToProject');
    assert.ok(created.createdAt instanceof Date);

    created.name = 'Finance';
    created.description = 'Quarterly close';
    const updated = await env.server.projects.update(created);
    assert.equal(updated.name, 'Finance');
    assert.equal(updated.description, 'Quarterly close');

    const [projects] = await env.server.projects.get();
    assert.ok(projects.some((project) => project.id === created.id && project.name === 'Finance'));

    await env.server.projects.delete(created.id!);
    const [after] = await env.server.projects.get();
    assert.ok(!after.some((project) => project.id === created.id));
  });

  it('nests projects through parentId, and deleting a parent removes its children', async function () {
    const parent = await env.server.projects.create(new ProjectItem('Parent'));
    const child = await env.server.projects.create(new ProjectItem('Child', undefined, undefined, parent.id));
    const grandchild = await env.server.projects.create(new ProjectItem('Grandchild', undefined, undefined, child.id));
    assert.equal(child.parentId, parent.id);
    assert.equal(grandchild.parentId, child.id);

    await env.server.projects.delete(parent.id!);
    const [left] = await env.server.projects.get();
    const ids = new Set(left.map((project) => project.id));
    assert.ok(!ids.has(child.id) && !ids.has(grandchild.id));
  });

  it('refuses a duplicate name under the same parent (409) but allows it elsewhere', async function () {
    const a = await env.server.projects.create(new ProjectItem('Shared name'));
    await assert.rejects(env.server.projects.create(new ProjectItem('Shared name')), (error: unknown) => error instanceof ServerResponseError && error.status === 409);
    const nested = await env.server.projects.create(new ProjectItem('Shared name', undefined, undefined, a.id));
    assert.equal(nested.parentId, a.id);
  });

  it('answers 404 for an unknown project', async function () {
    const ghost = new ProjectItem('Ghost');
    ghost.id = '00000000-0000-4000-8000-000000000000';
    await assert.rejects(env.server.projects.update(ghost), (error: unknown) => {
      assert.ok(error instanceof ServerResponseError);
      assert.equal(error.status, 404);
      assert.match(error.code, /^404/);
      assert.match(error.message, /PUT http:\/\/127\.0\.0\.1:\d+\/api\/3\.29\/sites\/.+\/projects\/0{8}/);
      return true;
    });
  });

  it("raises TSC's errors for missing ids", async function () {
    await assert.rejects(env.server.projects.update(new ProjectItem('No id')), new MissingRequiredFieldError('Project item missing ID.'));
    await assert.rejects(env.server.projects.delete(''), new MissingRequiredFieldError('Project ID undefined.'));
  });
});
