'use client';
// One task opened from the Tasks table: its report or its log.
import type { TaskRow } from '@/lib/operate';
import { TaskLogView } from './task-log';
import { TaskReportView } from './task-report';

export type TaskView = 'report' | 'log';

export function TaskPanel({ task, view, onView, onClose }: { task: TaskRow; view: TaskView; onView: (view: TaskView) => void; onClose: () => void }) {
  const tab = (which: TaskView, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={view === which}
      onClick={() => onView(which)}
      className={`px-2 py-1 ${view === which ? 'border-b-2 border-sky-600 font-medium text-sky-800' : 'text-slate-600 hover:text-slate-900'}`}
    >
      {label}
    </button>
  );
  return (
    <section aria-label={`Task ${task.id}`} className="mt-3 rounded border border-slate-200 p-3">
      <div className="mb-2 flex items-center gap-2">
        <div role="tablist" className="flex gap-1 text-sm">
          {tab('report', 'Report')}
          {tab('log', 'Log')}
        </div>
        <span className="min-w-0 flex-1 truncate font-mono text-xs text-slate-500">{task.id}</span>
        <button type="button" onClick={onClose} className="text-sm text-slate-600 hover:text-slate-900">Close</button>
      </div>
      <div role="tabpanel">{view === 'report' ? <TaskReportView taskId={task.id} /> : <TaskLogView key={task.id} taskId={task.id} running={task.status === 'RUNNING'} />}</div>
    </section>
  );
}
