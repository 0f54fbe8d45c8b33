import { requireCaller } from '../auth/guards';
import type { RequestContext } from '../http/context';
import { xml, type RouteResponse } from '../http/respond';
import type { Route } from '../http/router';
import { COMPARISON_OPERATORS, type QueryFields } from '../query/fields';
import { paginationXml, runListQuery } from '../query/list-query';
import { nextRunAt, type ScheduleRecord } from '../state/schedules';
import { scheduleXml } from '../xml/schedule-xml';

/** List Server Schedules: server-wide (`/api/{version}/schedules`), open to any signed-in user, who picks from them. */

function scheduleFields(now: number): QueryFields<ScheduleRecord> {
  return {
    name: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (s) => s.name },
    type: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (s) => s.type },
    frequency: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (s) => s.frequency },
    state: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (s) => s.state },
    priority: { type: 'number', filter: COMPARISON_OPERATORS, sortable: true, get: (s) => s.priority },
    createdAt: { type: 'date', filter: COMPARISON_OPERATORS, sortable: true, get: (s) => s.createdAt },
    updatedAt: { type: 'date', filter: COMPARISON_OPERATORS, sortable: true, get: (s) => s.updatedAt },
    nextRunAt: { type: 'date', filter: COMPARISON_OPERATORS, sortable: true, get: (s) => nextRunAt(s, now) },
  };
}

function querySchedules(ctx: RequestContext): RouteResponse {
  requireCaller(ctx);
  const now = Date.now();
  const { items, pagination } = runListQuery([...ctx.state.schedules.values()], ctx.query, scheduleFields(now), 'Schedules');
  return xml(200, { pagination: paginationXml(pagination), schedules: { schedule: items.map((schedule) => scheduleXml(schedule, now)) } });
}

export const scheduleRoutes: Route[] = [{ method: 'GET', path: '/schedules', handler: querySchedules }];
