/** Why the jobs a view draws last failed, in words (the scheduler keeps them in jobErrors). */
import './JobErrors.css';

import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';

import type { AppStore, JobName } from '../store';

export function JobErrors({ store, jobs }: { store: AppStore; jobs: readonly JobName[] }) {
  const messages = useStore(
    store,
    useShallow((s) =>
      jobs.flatMap((name) => (s.jobErrors[name] ? [`${name}: ${s.jobErrors[name]}`] : [])),
    ),
  );
  if (messages.length === 0) return null;
  return (
    <div className="view-error" aria-live="polite">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}
