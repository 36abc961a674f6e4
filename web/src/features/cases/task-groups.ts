import type { Task } from './cases.schema';

export const DUE_BUCKETS = ['overdue', 'today', 'week', 'later', 'none'] as const;
export type DueBucket = (typeof DUE_BUCKETS)[number];

/** Which due-date group an open task falls in, counted from `today` (`YYYY-MM-DD`). */
export function dueBucket(task: Task, today: string): DueBucket {
  if (!task.dueOn) {
    return 'none';
  }
  if (task.dueOn < today) {
    return 'overdue';
  }
  if (task.dueOn === today) {
    return 'today';
  }
  const inAWeek = new Date(`${today}T00:00:00Z`);
  inAWeek.setUTCDate(inAWeek.getUTCDate() + 7);
  return task.dueOn <= inAWeek.toISOString().slice(0, 10) ? 'week' : 'later';
}

/** The tasks of one person (case) within a due-date group. */
export interface PersonTasks {
  caseId: string;
  caseNumber: string;
  personName: string;
  tasks: Task[];
}

/**
 * Tasks grouped by due date (overdue first, undated last), and within each group by person
 * (by name, in the UI language's order), each person's tasks by due date.
 */
export function groupTasks(
  tasks: Task[],
  today: string,
  locale: string,
): { bucket: DueBucket; people: PersonTasks[] }[] {
  return DUE_BUCKETS.map((bucket) => {
    const people = new Map<string, PersonTasks>();
    for (const task of tasks.filter((item) => dueBucket(item, today) === bucket)) {
      const entry = people.get(task.caseId) ?? {
        caseId: task.caseId,
        caseNumber: task.caseNumber,
        personName: task.personName,
        tasks: [],
      };
      entry.tasks.push(task);
      people.set(task.caseId, entry);
    }
    const sorted = [...people.values()].sort(
      (a, b) =>
        a.personName.localeCompare(b.personName, locale) ||
        a.caseNumber.localeCompare(b.caseNumber),
    );
    for (const person of sorted) {
      person.tasks.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
    }
    return { bucket, people: sorted };
  }).filter((group) => group.people.length > 0);
}
