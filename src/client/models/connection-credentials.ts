/** Credentials for a workbook's or data source's connection, sent when publishing. */
export class ConnectionCredentials {
  constructor(
    /** The user name for the connection. */
    public name: string,
    public password: string,
    /** Store the password with the content on the server. */
    public embed = true,
    /** The connection uses OAuth; `name` is then the OAuth user. */
    public oauth = false,
  ) {}

  /** TSC's attribute name for `embed`. */
  get embedPassword(): boolean {
    return this.embed;
  }

  set embedPassword(value: boolean) {
    this.embed = value;
  }
}
