/**
 * Stands in, at build time, for SDK code the identity pool calls never need, as
 * src/sts/sdk-parts-left-out.ts does for STS; webpack.config.js points the imports here.
 *
 * - The endpoint rules of both clients (STS's and Cognito's): they turn a region into an
 *   endpoint, but src/sts/assume-role.ts and src/cognito/send-cognito.ts always give the
 *   profile's endpoint, and for a given endpoint the rules answer that URL with no properties
 *   or headers, as {@link defaultEndpointResolver} does. Without them the rules engine leaves
 *   the service worker too.
 * - The JSON request writer of the JSON protocol: the three requests (GetId,
 *   GetCredentialsForIdentity, GetOpenIdToken) hold only strings and maps of strings, whose JSON
 *   is what `JSON.stringify` writes. {@link JsonShapeSerializer2} refuses anything else loudly,
 *   and the end-to-end tests against moto show the calls work.
 */

function leftOut(name: string): never {
  throw new Error(`${name} is left out of this build (see src/cognito/sdk-parts-left-out.ts).`);
}

/** The endpoint rules' parameters (Region, UseGlobalEndpoint...); this build reads three. */
interface EndpointParameters {
  [name: string]: unknown;
  Endpoint?: unknown;
  UseFIPS?: unknown;
  UseDualStack?: unknown;
}

/**
 * Replaces each client's `endpoint/endpointResolver`: the given endpoint, as the rules return it.
 * FIPS and dual-stack cannot be combined with a given endpoint in the rules either.
 */
export function defaultEndpointResolver(parameters: EndpointParameters): { url: URL; properties: Record<string, never>; headers: Record<string, never> } {
  if (typeof parameters.Endpoint !== 'string' || parameters.UseFIPS === true || parameters.UseDualStack === true) {
    return leftOut('Choosing an endpoint by region (the endpoint rules)');
  }
  return { url: new URL(parameters.Endpoint), properties: {}, headers: {} };
}

/** True for strings and for plain objects (maps, structures) whose values are such, all the way down. */
function onlyStrings(value: unknown): boolean {
  if (typeof value === 'string' || value === undefined) return true;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(onlyStrings);
}

/** Replaces `@smithy/core`'s JSON codec v2 serializer for requests of strings and maps of strings. */
export class JsonShapeSerializer2 {
  private value: unknown;

  /** The codec hands over its serde context; there is nothing here to configure with it. */
  setSerdeContext(): void {}

  write(_schema: unknown, value: unknown): void {
    if (!onlyStrings(value)) leftOut('Writing JSON requests with other values than strings (JsonShapeSerializer2)');
    this.value = value;
  }

  writeDiscriminatedDocument(): never {
    return leftOut('Writing JSON documents (JsonShapeSerializer2)');
  }

  /** The request body; an absent input is written as `{}`, as the SDK does. */
  flush(): string {
    const body = JSON.stringify(this.value ?? {});
    this.value = undefined;
    return body;
  }
}
