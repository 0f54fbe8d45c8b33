/**
 * Every error the client raises is a TableauClientError, so callers can tell ours from bugs with one
 * `instanceof`. Messages are written for the person who has to fix the problem.
 */
export class TableauClientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A caller forgot a value the operation cannot do without (TSC's messages, e.g. `Project item missing ID.`). */
export class MissingRequiredFieldError extends TableauClientError {}

/** An argument is present but unusable: a bad mode, a bad address, a file that does not exist. */
export class InvalidArgumentError extends TableauClientError {}

/** A call needs a signed-in session and there is none. */
export class NotSignedInError extends TableauClientError {
  constructor(serverAddress: string) {
    super(`Not signed in to ${serverAddress}. Call server.auth.signIn(auth) first.`);
  }
}

/** The operation was cancelled through its AbortSignal. */
export class RequestAbortedError extends TableauClientError {
  constructor(what: string) {
    super(`${what} was cancelled.`);
  }
}

/** Hints for the Tableau error codes people meet most, appended to the server's own words. */
const hintsByCode: Record<string, string> = {
  '401001': 'Check the user name and password, or the token name and secret, and the site content URL.',
  '401002': 'The session token is invalid or has expired: sign in again.',
  '403': 'The signed-in user lacks the permission or site role this operation needs.',
  // Tableau's answer to publishing under a name that exists: not a permission problem.
  '403007': 'Publish with PublishMode.Overwrite to replace it, or choose another name.',
};

/** The server answered with a Tableau error (`<error code=".."><summary/><detail/></error>`) or a failing status. */
export class ServerResponseError extends TableauClientError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly summary: string,
    readonly detail: string,
    readonly method: string,
    readonly url: string,
  ) {
    const hint = hintsByCode[code] ?? (code.startsWith('403') ? hintsByCode['403'] : undefined);
    const what = [summary, detail].filter(Boolean).join(': ') || `HTTP ${status}`;
    super(`${what} (HTTP ${status}${code ? `, Tableau error ${code}` : ''}) on ${method} ${url}${hint ? `. ${hint}` : ''}`);
  }
}

/** The server answered with something that is not the REST API: an HTML login portal, a proxy page, a web site. */
export class NonXmlResponseError extends TableauClientError {
  constructor(
    readonly status: number,
    readonly contentType: string,
    readonly method: string,
    readonly url: string,
    readonly snippet: string,
  ) {
    super(
      `${method} ${url} answered HTTP ${status} with ${contentType || 'no content type'} instead of Tableau REST API XML. ` +
        'Check that the address is the Tableau Server or Tableau Cloud root (for example https://tableau.example.com), ' +
        'and that no proxy or single sign-on portal intercepts API requests.' +
        (snippet ? ` The response began: ${JSON.stringify(snippet)}` : ''),
    );
  }
}

export type NetworkFailureKind = 'dns' | 'refused' | 'tls' | 'timeout' | 'reset' | 'other';

/** The request never got an HTTP answer: DNS, refused connection, TLS, timeout, reset. */
export class NetworkError extends TableauClientError {
  constructor(
    readonly kind: NetworkFailureKind,
    readonly host: string,
    readonly code: string,
    message: string,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

/** A lazily loaded property (a workbook's views, an item's connections, a preview image) was read before it was fetched. */
export class UnpopulatedPropertyError extends TableauClientError {}
