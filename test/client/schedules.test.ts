import assert from 'node:assert/strict';
import { Filter, Pager, RequestOptions, ScheduleItem, TableauAuth } from '../../src/client';
import { useClient } from '../support/client-fixture';

describe('client: server schedules', function () {
  const env = useClient({ seed: 'demo' });

  async function all(): Promise<ScheduleItem[]> {
    const schedules: ScheduleItem[] = [];
    for await (const schedule of new Pager(env.server.schedules, new RequestOptions(1, 3))) schedules.push(schedule);
    return schedules;
  }

  it('lists extract, subscription and flow schedules of every frequency, three to a page', async function () {
    const [firstPage, pagination] = await env.server.schedules.get(new RequestOptions(1, 3));
    assert.equal(firstPage.length, 3);
    const schedules = await all();
    assert.equal(schedules.length, pagination.totalAvailable);
    assert.deepEqual(new Set(schedules.map((s) => s.scheduleType)), new Set([ScheduleItem.Type.Extract, ScheduleItem.Type.Subscription, ScheduleItem.Type.Flow]));
    assert.deepEqual(new Set(schedules.map((s) => s.frequency)), new Set(['Hourly', 'Daily', 'Weekly', 'Monthly']));
    const weekday = schedules.find((s) => s.name === 'Weekday early mornings')!;
    assert.ok(weekday.id);
    assert.equal(weekday.state, ScheduleItem.State.Active);
    assert.equal(weekday.priority, 50);
    assert.equal(weekday.executionOrder, ScheduleItem.ExecutionOrder.Parallel);
    assert.deepEqual(weekday.createdAt, new Date('2024-01-15T09:00:00Z'));
    assert.ok(weekday.updatedAt instanceof Date);
  });

  it('tells when each active schedule runs next; a suspended one has no next run', async function () {
    const before = Date.now();
    const schedules = await all();
    const byName = new Map(schedules.map((s) => [s.name, s]));
    for (const schedule of schedules.filter((s) => s.state === 'Active')) {
      assert.ok(schedule.nextRunAt && schedule.nextRunAt.getTime() > before - 1000, `${schedule.name} runs in the future`);
    }
    assert.equal(byName.get('Nightly flows')?.state, 'Suspended');
    assert.equal(byName.get('Nightly flows')?.nextRunAt, undefined);

    const saturday = byName.get('Saturday night')!.nextRunAt!;
    assert.equal(saturday.getUTCDay(), 6);
    assert.equal(saturday.toISOString().slice(11), '23:00:00.000Z');
    assert.ok(saturday.getTime() - before <= 7 * 24 * 3600 * 1000);

    const monthEnd = byName.get('End of the month')!.nextRunAt!;
    assert.equal(new Date(monthEnd.getTime() + 24 * 3600 * 1000).getUTCDate(), 1, 'runs on the last day of a month');

    const hourly = byName.get('Hourly')!.nextRunAt!;
    assert.equal(hourly.getUTCMinutes(), 0);
    assert.ok(hourly.getTime() - before <= 25 * 3600 * 1000);
  });

  it('sorts and filters schedules like any list', async function () {
    const options = new RequestOptions(1, 100);
    options.filter.add(new Filter(RequestOptions.Field.Type, RequestOptions.Operator.Equals, 'Subscription'));
    const [subscriptions] = await env.server.schedules.get(options);
    assert.deepEqual(subscriptions.map((s) => s.name).sort(), ['Daily digest', 'First of the month', 'Monday morning']);
  });

  it('is open to any signed-in user, who picks schedules for their content', async function () {
    const bob = env.newServer();
    const record = env.sandbox.state.findUserByName('bob')!;
    await bob.auth.signIn(new TableauAuth(record.name, record.password));
    const [schedules] = await bob.schedules.get();
    assert.ok(schedules.length > 0);
  });
});
