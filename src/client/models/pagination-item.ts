import { child, intAttr, type XmlElement } from '../xml/parse';

export class PaginationItem {
  constructor(
    public pageNumber = 1,
    public pageSize = 100,
    public totalAvailable = 0,
  ) {}

  static fromResponse(response: XmlElement, itemCount: number): PaginationItem {
    const element = child(response, 'pagination');
    // Some list endpoints answer without <pagination>; what came back is then the whole list.
    if (!element) return new PaginationItem(1, itemCount, itemCount);
    return new PaginationItem(intAttr(element, 'pageNumber') ?? 1, intAttr(element, 'pageSize') ?? itemCount, intAttr(element, 'totalAvailable') ?? itemCount);
  }
}
