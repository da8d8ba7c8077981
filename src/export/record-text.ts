import { plainUserText } from '../domain/display-text';
import type { RecordBlock, RecordDocument } from '../services/ports/record-renderer.port';

/**
 * The document with every string passed through `shown` (by default `plainUserText`: nothing XML
 * forbids, no directional formatting), whatever the caller put in it. Renderers start from this,
 * so no user text can make a record that will not open or that reads in a different order.
 */
export function shownRecord(document: RecordDocument, shown: (text: string) => string = plainUserText): RecordDocument {
  const block = (item: RecordBlock): RecordBlock => (item.kind === 'table' ? { kind: 'table', header: item.header.map(shown), rows: item.rows.map((row) => row.map(shown)) } : { ...item, text: shown(item.text) });
  return { title: shown(document.title), subtitle: shown(document.subtitle), caseReference: shown(document.caseReference), auditReference: shown(document.auditReference), blocks: document.blocks.map(block), language: document.language ?? 'en' };
}
