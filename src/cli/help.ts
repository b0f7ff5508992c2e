/** `wic --help`. */
export const HELP = `wic: AWS credentials from the Web Identity Credentials browser extension, for terminals.

Usage:
  wic install [--browser chromium|chrome|edge|brave|firefox|all] [--user-data-dir DIR] [--extension-id ID...]
      Register the native messaging host with the browser (user level; default: every browser found).
  wic uninstall [--browser ...] [--user-data-dir DIR]
      Remove what install wrote.
  wic credential-process --profile ID [--wait] [--min-valid SECONDS]
      Print credential_process JSON (for ~/.aws/config).
  wic exec --profile ID [--wait] -- COMMAND [ARGS...]
      Run COMMAND with a local credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI) that
      asks the browser for fresh credentials on each request; exits with COMMAND's code.
  wic env --profile ID [--format bash|fish|powershell|cmd|dotenv] [--wait]
      Print the environment variables, as the popup copies them.
  wic configure [--profile ID...] [--yes] [--config-file PATH]
      Add credential_process profiles to ~/.aws/config (AWS_CONFIG_FILE honoured); asks first.
  wic status
      List connected browsers, their profiles and expiry.

Options for every command talking to the browser:
  --browser-profile KEY   the browser profile to ask when several are connected
                          (default: WIC_BROWSER_PROFILE, else the only one connected)
  --wait                  let the browser ask you to sign in or allow access, instead of failing

The browser must be running with the extension, and terminal access allowed in its popup.
`;
