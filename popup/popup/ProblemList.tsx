/**
 * Configuration entries that cannot be used, each with every field that is wrong, so nothing
 * disappears without a word.
 */
import type { BrokenEntry } from '../../src/view/popup-view';
import type { ConfigProblem } from '../../src/config/types';

/** Props of {@link ProblemList}. */
export interface ProblemListProps {
  broken: BrokenEntry[];
  warnings: ConfigProblem[];
}

/** "Dev admin (dev)" when the entry has a name of its own, else its id (or its path when it has none). */
function entryLabel(entry: BrokenEntry): string {
  const name = entry.problems.find((problem) => problem.name !== undefined)?.name;
  return name === undefined || name === entry.label ? entry.label : `${name} (${entry.label})`;
}

/** Lists broken entries and warnings. */
export function ProblemList({ broken, warnings }: ProblemListProps) {
  if (broken.length === 0 && warnings.length === 0) return null;
  return (
    <section class="problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading">Needs fixing</h2>
      {broken.map((entry) => (
        <article class="broken" key={`${entry.source}:${entry.label}:${entry.problems[0]?.path}`} data-entry={entry.label}>
          <h3>
            {entry.kind === 'document' ? 'Configuration' : `${entry.kind === 'provider' ? 'Provider' : 'Profile'} ${entryLabel(entry)}`}
            {entry.source === 'managed' && <span class="badge" title="Set by your organization">managed</span>}
          </h3>
          <ul>
            {entry.problems.map((problem) => (
              <li key={problem.path + problem.message} role="alert">
                <code>{problem.path}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </article>
      ))}
      {warnings.map((problem) => (
        <p class="warning" key={problem.source + problem.path}>
          <code>{problem.path}</code>: {problem.message}
        </p>
      ))}
    </section>
  );
}
