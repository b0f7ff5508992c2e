import type { ProfileCredentials } from '../sts/credentials';
import type { CharacterRule } from './characters';
import { assertRepresentable, isLineBreakOrControl, noNul, wellFormedUnicode } from './characters';
import { credentialEnvironment } from './credential-environment';

/**
 * What an unquoted `NAME=value` line cannot carry. Docker takes the value literally up to the
 * line end; the other rules keep the line meaning the same to .env readers that do parse
 * (Compose, node `dotenv`, python-dotenv), since a user cannot tell which one a file meets.
 * @see https://docs.docker.com/reference/cli/docker/container/run/#env
 */
const dotenvRules: readonly CharacterRule[] = [
  noNul,
  { test: isLineBreakOrControl, why: 'an env file line cannot hold it, and a line break would end the value' },
  {
    test: (char, { first, last }) => (first || last) && /^\s$/u.test(char),
    why: '.env readers other than Docker strip whitespace from both ends of a value',
  },
  {
    test: (char, { first }) => first && /^["'`]$/.test(char),
    why: '.env readers other than Docker take a leading quote as quoting',
  },
  { test: (char) => char === '#', why: '.env readers other than Docker start a comment there' },
  { test: (char) => char === '$', why: 'Docker Compose and python-dotenv expand variables there' },
  wellFormedUnicode,
];

/**
 * `NAME=value` lines for `docker run --env-file` and .env files, values unquoted because Docker
 * reads them literally. Throws a {@link FormatError} naming the variable for values holding
 * control characters or line breaks, `#`, `$`, a leading quote, or leading or trailing
 * whitespace.
 */
export function formatDotenv(credentials: ProfileCredentials): string {
  return credentialEnvironment(credentials)
    .map(({ name, value }) => {
      assertRepresentable(value, name, '.env', dotenvRules);
      return `${name}=${value}\n`;
    })
    .join('');
}
