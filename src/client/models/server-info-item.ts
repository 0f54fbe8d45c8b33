import { attr, child, text, type XmlElement } from '../xml/parse';

export class ServerInfoItem {
  constructor(
    public productVersion: string,
    public buildNumber: string,
    public restApiVersion: string,
  ) {}

  static fromResponse(response: XmlElement): ServerInfoItem {
    const info = child(response, 'serverInfo');
    const product = child(info, 'productVersion');
    return new ServerInfoItem(text(product) ?? '', attr(product, 'build') ?? '', text(child(info, 'restApiVersion')) ?? '');
  }
}
