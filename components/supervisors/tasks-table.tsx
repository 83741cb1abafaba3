'use client';
// The supervisor's tasks: the ones reading and publishing now, then recent finished ones; each
// opens its report or its log below the table, named in the URL so the view can be shared.
import { useRouter, useSearchParams } from 'next/navigation';
import type { TaskRow } from '@/lib/operate';
import { formatDuration, formatTime } from './format';
import { TaskPanel, type TaskView } from './task-panel';

const ROLE_LABEL: Record<TaskRow['role'], string> = { active: 'reading', publishing: 'publishing', other: 'finished' };

export function TasksTable({ tasks }: { tasks: readonly TaskRow[] }) {
  const router = useRouter();
  const search = useSearchParams();
  const openedId = search?.get('task');
  const opened = openedId ? { taskId: openedId, view: (search?.get('taskView') === 'log' ? 'log' : 'report') as TaskView } : null;
  const openedTask = opened && tasks.find((task) => task.id === opened.taskId);
  const setOpened = (next: { taskId: string; view: TaskView } | null) => {
    const params = new URLSearchParams(search?.toString());
    if (next) {
      params.set('task', next.taskId);
      params.set('taskView', next.view);
    } else {
      params.delete('task');
      params.delete('taskView');
    }
    router.replace(`?${params.toString()}`, { scroll: false });
  };
  if (tasks.length === 0) return <p className="text-sm text-slate-500">No tasks: a suspended supervisor runs none, and a new one starts its first within a minute.</p>;
  return (
    <div>
    <div className="overflow-x-auto rounded border border-slate-200">
      <table aria-label="Tasks" className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-1.5">Task</th>
            <th scope="col" className="px-3 py-1.5">Role</th>
            <th scope="col" className="px-3 py-1.5">Status</th>
            <th scope="col" className="px-3 py-1.5">Started</th>
            <th scope="col" className="px-3 py-1.5 text-right">Duration</th>
            <th scope="col" className="px-3 py-1.5 text-right">Publishes in</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tasks.map((task) => (
            <tr key={task.id} className={task.role === 'other' ? 'text-slate-500' : ''}>
              <td className="px-3 py-1.5">
                <span className="break-all font-mono text-xs">{task.id}</span>
                {task.location && <div className="text-xs text-slate-500">on {task.location}</div>}
                {task.errorMsg && <div className="text-xs text-rose-700">{task.errorMsg}</div>}
                <div className="text-xs">
                  {(['report', 'log'] as const).map((view) => (
                    <button
                      key={view}
                      type="button"
                      aria-label={`${view === 'report' ? 'Report' : 'Log'} of ${task.id}`}
                      aria-pressed={opened?.taskId === task.id && opened.view === view}
                      onClick={() => setOpened({ taskId: task.id, view })}
                      className="mr-3 text-sky-700 underline hover:text-sky-900"
                    >
                      {view === 'report' ? 'Report' : 'Log'}
                    </button>
                  ))}
                </div>
              </td>
              <td className="px-3 py-1.5">{ROLE_LABEL[task.role]}</td>
              <td className={`px-3 py-1.5 ${task.status === 'FAILED' ? 'font-medium text-rose-700' : ''}`}>{task.status ?? '—'}</td>
              <td className="whitespace-nowrap px-3 py-1.5">{formatTime(task.startTime)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{formatDuration(task.durationMs)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{task.remainingSeconds !== null ? formatDuration(task.remainingSeconds * 1000) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    {openedTask && <TaskPanel task={openedTask} view={opened.view} onView={(view) => setOpened({ taskId: openedTask.id, view })} onClose={() => setOpened(null)} />}
    </div>
  );
}
