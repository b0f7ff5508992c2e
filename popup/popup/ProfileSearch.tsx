/**
 * The search box shown once there are more profiles than fit at a glance. Escape clears it.
 */

/** Props of {@link ProfileSearch}. */
export interface ProfileSearchProps {
  query: string;
  onQuery(query: string): void;
}

/** A search field over profile names, ids, accounts, roles, regions and providers. */
export function ProfileSearch({ query, onQuery }: ProfileSearchProps) {
  return (
    <div class="search">
      <input
        type="search"
        aria-label="Search profiles"
        placeholder="Search name, account, role, region"
        value={query}
        onInput={(event) => onQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query !== '') {
            // Clear first; a second Escape closes the popup as usual.
            event.preventDefault();
            onQuery('');
          }
        }}
      />
    </div>
  );
}
