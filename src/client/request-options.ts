/** Filter value as the caller gives it; `In` takes a list. */
export type FilterValue = string | number | boolean | Date | ReadonlyArray<string | number | boolean | Date>;

export class Filter {
  constructor(
    public field: string,
    public operator: string,
    public value: FilterValue,
  ) {}

  /** `field:op:value` with the value percent-encoded, so that `:`, `,`, `[`, `]`, `&`, `+`, `%` survive the trip. */
  toQueryExpression(): string {
    const value = Array.isArray(this.value)
      ? `[${this.value.map(encodeValue).join(',')}]`
      : encodeValue(this.value as Exclude<FilterValue, readonly unknown[]>);
    return `${this.field}:${this.operator}:${value}`;
  }
}

export class Sort {
  constructor(
    public field: string,
    public direction: string,
  ) {}

  toQueryExpression(): string {
    return `${this.field}:${this.direction}`;
  }
}

function encodeValue(value: string | number | boolean | Date): string {
  const textValue = value instanceof Date ? value.toISOString().replace(/\.\d{3}Z$/, 'Z') : String(value);
  return encodeURIComponent(textValue);
}

/** Paging, filtering and sorting for list calls. */
export class RequestOptions {
  static readonly Field = {
    CreatedAt: 'createdAt',
    LastLogin: 'lastLogin',
    Name: 'name',
    OwnerName: 'ownerName',
    SiteRole: 'siteRole',
    Tags: 'tags',
    UpdatedAt: 'updatedAt',
    ContentUrl: 'contentUrl',
    Email: 'email',
    FriendlyName: 'friendlyName',
    OwnerEmail: 'ownerEmail',
    ParentProjectId: 'parentProjectId',
    ProjectName: 'projectName',
    TopLevelProject: 'topLevelProject',
    Type: 'type',
    ViewUrlName: 'viewUrlName',
    WorkbookName: 'workbookName',
  } as const;

  static readonly Operator = {
    Equals: 'eq',
    GreaterThan: 'gt',
    GreaterThanOrEqual: 'gte',
    LessThan: 'lt',
    LessThanOrEqual: 'lte',
    In: 'in',
    Has: 'has',
  } as const;

  static readonly Direction = {
    Asc: 'asc',
    Desc: 'desc',
  } as const;

  readonly filter = new Set<Filter>();
  readonly sort = new Set<Sort>();

  constructor(
    public pageNumber = 1,
    public pageSize = 100,
  ) {}

  /** A copy asking for another page, with the same filters and sorts. */
  forPage(pageNumber: number): RequestOptions {
    const copy = new RequestOptions(pageNumber, this.pageSize);
    for (const filter of this.filter) copy.filter.add(filter);
    for (const sort of this.sort) copy.sort.add(sort);
    return copy;
  }

  /** The query string the REST API expects: `pageNumber=1&pageSize=100&filter=name:eq:x&sort=name:asc`. */
  toQueryString(): string {
    const parts = [`pageNumber=${this.pageNumber}`, `pageSize=${this.pageSize}`];
    if (this.filter.size > 0) parts.push(`filter=${[...this.filter].map((f) => f.toQueryExpression()).join(',')}`);
    if (this.sort.size > 0) parts.push(`sort=${[...this.sort].map((s) => s.toQueryExpression()).join(',')}`);
    return parts.join('&');
  }
}
