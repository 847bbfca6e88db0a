/**
 * @fileoverview Editing a corrections file as the review tool does (issue 11): a correction is
 * appended to, or removed from, the `corrections:` list of the YAML document, keeping everything
 * else — comments, hand-written corrections, their order and layout — as the archivist left it.
 */
import { isSeq, parseDocument, YAMLSeq } from 'yaml';
import type { Correction } from '../../../core/schema.ts';

/** The first lines of a file the tool creates. */
function header(page: string): string {
  return `# ${page} 的更正（README「Corrections」）。由 npm run review 写入，也可以手工编辑：\n# 每条以“- 操作: 引文”开头，引文是版面上印着的文字。\ncorrections: []\n`;
}

function corrections(text: string): { doc: ReturnType<typeof parseDocument>; seq: YAMLSeq } {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`更正文件不是有效的 YAML：${doc.errors[0].message.split('\n')[0]}`);
  if (doc.contents === null) doc.contents = doc.createNode({ corrections: [] }) as unknown as typeof doc.contents;
  let seq = doc.get('corrections', true);
  if (seq === undefined || seq === null) {
    doc.set('corrections', doc.createNode([]));
    seq = doc.get('corrections', true);
  }
  if (!isSeq(seq)) throw new Error('更正文件的 corrections 不是列表');
  return { doc, seq };
}

/** The file with `c` appended (a new file when `text` is undefined). */
export function appendCorrection(text: string | undefined, page: string, c: Correction): string {
  const { doc, seq } = corrections(text ?? header(page));
  seq.flow = false;
  seq.add(doc.createNode(c));
  return doc.toString({ lineWidth: 0 });
}

/** The file without its `n`th correction (1-based). */
export function removeCorrection(text: string, n: number): string {
  const { doc, seq } = corrections(text);
  if (n < 1 || n > seq.items.length) throw new Error(`没有第${n}条更正`);
  seq.delete(n - 1);
  return doc.toString({ lineWidth: 0 });
}
