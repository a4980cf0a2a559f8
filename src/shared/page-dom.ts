/*
 * The page's own DOM as the browser has it, not as a contributor's markup can
 * make it look: named elements shadow `document`'s properties and methods (DOM
 * clobbering – `<form name="head">` is then `document.head`, and
 * `<img name="getElementsByTagName">` replaces that method). Read through the
 * prototypes' own getters and methods, which markup cannot reach.
 */

/** The document's real `<head>`. (Looked up on each call: the module is also imported on a server, which has no `Document`.) */
export function realHead(doc: Document): HTMLHeadElement | null {
  return Object.getOwnPropertyDescriptor(Document.prototype, 'head')!.get!.call(doc) as HTMLHeadElement | null;
}

/** `doc.getElementsByTagName(tag)`, whatever the page's markup names its elements. */
export function elementsByTag(doc: Document, tag: string): HTMLCollectionOf<Element> {
  return Document.prototype.getElementsByTagName.call(doc, tag);
}

/** `doc.getElementById(id)`, whatever the page's markup names its elements. */
export function elementById(doc: Document, id: string): Element | null {
  return Document.prototype.getElementById.call(doc, id);
}
