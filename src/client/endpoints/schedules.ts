import type { PaginationItem } from '../models/pagination-item';
import { ScheduleItem } from '../models/schedule-item';
import type { RequestOptions } from '../request-options';
import { Endpoint } from './endpoint';

/** Server schedules (Tableau Server only; on Tableau Cloud tasks carry their own frequency). */
export class SchedulesEndpoint extends Endpoint {
  /** Server schedules are not site content: the call goes to `/api/{version}/schedules`. */
  get(reqOptions?: RequestOptions): Promise<[ScheduleItem[], PaginationItem]> {
    return this.list({ method: 'GET', path: 'schedules' }, reqOptions, ScheduleItem.listFromResponse);
  }
}
