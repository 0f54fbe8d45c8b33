import { isoNow, newLuid } from './ids';
import type { SandboxState } from './store';

/** Server schedules (Tableau Server only): server-wide, not site content. Times are UTC. */

export type ScheduleType = 'Extract' | 'Subscription' | 'Flow' | 'DataAcceleration' | 'ActiveDirectorySync';
export type ScheduleFrequency = 'Hourly' | 'Daily' | 'Weekly' | 'Monthly';
export type WeekDay = 'Sunday' | 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday';
export const WEEK_DAYS: readonly WeekDay[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** One `<interval>`: every N hours or minutes (Hourly), a week day (Weekly) or a month day (Monthly). */
export interface ScheduleInterval {
  hours?: 1 | 2 | 4 | 6 | 8 | 12;
  minutes?: 15 | 30;
  weekDay?: WeekDay;
  monthDay?: number | 'LastDay';
}

export interface ScheduleRecord {
  id: string;
  name: string;
  state: 'Active' | 'Suspended';
  /** 1 (runs first) to 100. */
  priority: number;
  type: ScheduleType;
  frequency: ScheduleFrequency;
  executionOrder: 'Parallel' | 'Serial';
  createdAt: string;
  updatedAt: string;
  /** `HH:MM:SS` */
  start: string;
  /** `HH:MM:SS`, Hourly schedules only: no run after this time of day. */
  end?: string;
  intervals: ScheduleInterval[];
}

export type NewSchedule = Omit<ScheduleRecord, 'id' | 'createdAt' | 'updatedAt' | 'state' | 'executionOrder'> &
  Partial<Pick<ScheduleRecord, 'createdAt' | 'updatedAt' | 'state' | 'executionOrder'>>;

export function addSchedule(state: SandboxState, input: NewSchedule): ScheduleRecord {
  const createdAt = input.createdAt ?? isoNow();
  const schedule: ScheduleRecord = { state: 'Active', executionOrder: 'Parallel', ...input, id: newLuid(), createdAt, updatedAt: input.updatedAt ?? createdAt };
  state.schedules.set(schedule.id, schedule);
  return schedule;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function secondsOfDay(time: string): number {
  const [hours, minutes, seconds] = time.split(':').map(Number);
  return hours * 3600 + minutes * 60 + (seconds || 0);
}

/** The run times (seconds into the UTC day) a schedule has on the given day. */
function runTimesOn(schedule: ScheduleRecord, day: Date): number[] {
  const start = secondsOfDay(schedule.start);
  switch (schedule.frequency) {
    case 'Hourly': {
      const interval = schedule.intervals[0];
      const step = interval?.minutes ? interval.minutes * 60 : (interval?.hours ?? 1) * 3600;
      const end = schedule.end ? secondsOfDay(schedule.end) : 24 * 3600 - 1;
      const times: number[] = [];
      for (let time = start; time <= end; time += step) times.push(time);
      return times;
    }
    case 'Daily':
      return [start];
    case 'Weekly':
      return schedule.intervals.some((interval) => interval.weekDay === WEEK_DAYS[day.getUTCDay()]) ? [start] : [];
    case 'Monthly': {
      const lastDay = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
      const runs = schedule.intervals.some((interval) =>
        interval.monthDay === 'LastDay' ? day.getUTCDate() === lastDay : interval.monthDay === day.getUTCDate(),
      );
      return runs ? [start] : [];
    }
  }
}

/** When the schedule runs next after `now`; undefined for suspended schedules. */
export function nextRunAt(schedule: ScheduleRecord, now = Date.now()): string | undefined {
  if (schedule.state !== 'Active') return undefined;
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  // Two months ahead covers every monthly day, including a 31st that the next month lacks.
  for (let dayStart = today; dayStart < today + 62 * DAY_MS; dayStart += DAY_MS) {
    for (const seconds of runTimesOn(schedule, new Date(dayStart))) {
      const at = dayStart + seconds * 1000;
      if (at > now) return isoNow(at);
    }
  }
  return undefined;
}
