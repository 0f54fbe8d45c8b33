import { attr, child, children, type XmlElement } from '../xml/parse';

/** `<tags><tag label="..."/></tags>` as a set of labels. */
export function tagsFrom(element: XmlElement): Set<string> {
  const labels = children(child(element, 'tags'), 'tag').map((tag) => attr(tag, 'label'));
  return new Set(labels.filter((label): label is string => label !== undefined));
}
