import { attr, boolAttr, child, children, intAttr, type XmlElement } from '../xml/parse';

export class SiteItem {
  static readonly AdminMode = { ContentAndUsers: 'ContentAndUsers', ContentOnly: 'ContentOnly' } as const;
  static readonly State = { Active: 'Active', Suspended: 'Suspended' } as const;

  id?: string;
  revisionLimit?: number;
  state?: string;

  constructor(
    public name: string,
    public contentUrl: string,
    public adminMode?: string,
    public userQuota?: number,
    public storageQuota?: number,
    public disableSubscriptions = false,
    public subscribeOthersEnabled = true,
    public revisionHistoryEnabled = false,
  ) {}

  static fromElement(element: XmlElement): SiteItem {
    const site = new SiteItem(
      attr(element, 'name') ?? '',
      attr(element, 'contentUrl') ?? '',
      attr(element, 'adminMode'),
      intAttr(element, 'userQuota'),
      intAttr(element, 'storageQuota'),
      boolAttr(element, 'disableSubscriptions') ?? false,
      boolAttr(element, 'subscribeOthersEnabled') ?? true,
      boolAttr(element, 'revisionHistoryEnabled') ?? false,
    );
    site.id = attr(element, 'id');
    site.revisionLimit = intAttr(element, 'revisionLimit');
    site.state = attr(element, 'state');
    return site;
  }

  static listFromResponse(response: XmlElement): SiteItem[] {
    return children(child(response, 'sites'), 'site').map((element) => SiteItem.fromElement(element));
  }
}
