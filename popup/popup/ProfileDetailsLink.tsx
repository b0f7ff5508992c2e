/**
 * The per-profile way into the diagnostics page, which opens in its own tab.
 */

/** Props of {@link ProfileDetailsLink}. */
export interface ProfileDetailsLinkProps {
  profileId: string;
}

/** A "Details" link to the profile's diagnostics. */
export function ProfileDetailsLink({ profileId }: ProfileDetailsLinkProps) {
  return (
    <a class="details-link" href={`diagnostics.html?profile=${encodeURIComponent(profileId)}`} target="_blank" rel="noopener noreferrer">
      Details
    </a>
  );
}
