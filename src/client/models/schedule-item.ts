import { attr, child, children, dateAttr, intAttr, type XmlElement } from '../xml/parse';

/** A server schedule (Tableau Server only): when extract refreshes, subscriptions or flows run. */
export class ScheduleItem {
  static readonly Type = {
    Extract: 'Extract',
    Subscription: 'Subscription',
    Flow: 'Flow',
    DataAcceleration: 'DataAcceleration',
    ActiveDirectorySync: 'ActiveDirectorySync',
  } as const;

  static readonly State = {
    Active: 'Active',
    Suspended: 'Suspended',
  } as const;

  static readonly ExecutionOrder = {
    Parallel: 'Parallel',
    Serial: 'Serial',
  } as const;

  static readonly Frequency = {
    Hourly: 'Hourly',
    Daily: 'Daily',
    Weekly: 'Weekly',
    Monthly: 'Monthly',
  } as const;

  id?: string;
  state?: string;
  createdAt?: Date;
  updatedAt?: Date;
  frequency?: string;
  nextRunAt?: Date;
  endScheduleAt?: Date;

  constructor(
    public name: string,
    /** 1 (highest) to 100. */
    public priority?: number,
    public scheduleType?: string,
    public executionOrder?: string,
  ) {}

  static fromElement(element: XmlElement): ScheduleItem {
    const schedule = new ScheduleItem(attr(element, 'name') ?? '', intAttr(element, 'priority'), attr(element, 'type'), attr(element, 'executionOrder'));
    schedule.id = attr(element, 'id');
    schedule.state = attr(element, 'state');
    schedule.createdAt = dateAttr(element, 'createdAt');
    schedule.updatedAt = dateAttr(element, 'updatedAt');
    schedule.frequency = attr(element, 'frequency');
    schedule.nextRunAt = dateAttr(element, 'nextRunAt');
    schedule.endScheduleAt = dateAttr(element, 'endScheduleAt');
    return schedule;
  }

  static listFromResponse(response: XmlElement): ScheduleItem[] {
    return children(child(response, 'schedules'), 'schedule').map((element) => ScheduleItem.fromElement(element));
  }
}
