'use client';
// The workbench reads this browser's storage for its first render, so it renders in the
// browser only; the server sends the frame around it.
import { useSyncExternalStore } from 'react';
import { QueryWorkbench } from './query-workbench';

const subscribe = () => () => undefined;

export function QueryPageClient() {
  const inBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  return inBrowser ? <QueryWorkbench /> : <p className="text-sm text-slate-600">Loading the query editor…</p>;
}
