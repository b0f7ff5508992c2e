/**
 * What every field of the options editor needs to know: the problems at its path, whether to
 * show them yet, and whether the entry is read-only (set by the organization).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConfigProblem, ConfigSource } from '../../src/config/types';
import { problemsAt } from '../../src/config/draft';

/** The editor's state as fields see it. */
export interface EditorState {
  problems: readonly ConfigProblem[];
  /** Problems show once a field was edited, or everywhere after a save attempt. */
  shown(path: string): boolean;
  touch(path: string): void;
}

export const EditorContext = createContext<EditorState>({ problems: [], shown: () => true, touch: () => undefined });

/** Which document an entry belongs to; managed entries are read-only. */
export const SourceContext = createContext<ConfigSource>('local');

/** The messages to show at `path`, and a callback to mark it edited. */
export function useFieldProblems(path: string): { messages: string[]; touch(): void } {
  const editor = useContext(EditorContext);
  const source = useContext(SourceContext);
  const problems = problemsAt(editor.problems.filter((problem) => problem.source === source), path);
  const shown = source === 'managed' || editor.shown(path);
  return {
    messages: shown ? problems.map((problem) => `${problem.severity === 'warning' ? 'Note: ' : ''}${problem.path === path ? '' : `${problem.path.slice(path.length + 1)}: `}${problem.message}`) : [],
    touch: () => editor.touch(path),
  };
}
