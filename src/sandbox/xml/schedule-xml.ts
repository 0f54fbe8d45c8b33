import { nextRunAt, type ScheduleRecord } from '../state/schedules';
import { attrs, type XmlNode } from './build';

/** `<schedule>` per the XSD scheduleType: attributes, then `<frequencyDetails>` with its `<intervals>`. */
export function scheduleXml(schedule: ScheduleRecord, now = Date.now()): XmlNode {
  return {
    ...attrs({
      id: schedule.id,
      name: schedule.name,
      state: schedule.state,
      priority: schedule.priority,
      createdAt: schedule.createdAt,
      updatedAt: schedule.updatedAt,
      type: schedule.type,
      frequency: schedule.frequency,
      nextRunAt: nextRunAt(schedule, now),
      executionOrder: schedule.executionOrder,
    }),
    frequencyDetails: {
      ...attrs({ start: schedule.start, end: schedule.end }),
      intervals: { interval: schedule.intervals.map((interval) => attrs({ ...interval })) },
    },
  };
}
