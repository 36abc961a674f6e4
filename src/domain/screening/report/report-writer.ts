import PDFDocument from 'pdfkit';
import { faces, fontRuns, withWordBreaks, type Weight } from './report-fonts.ts';

/** How a paragraph is set. */
export interface TextStyle {
  size?: number;
  weight?: Weight;
  color?: string;
  /** Left indent in points. */
  indent?: number;
  /** Space after the paragraph, in lines. */
  gap?: number;
  align?: 'left' | 'center' | 'right';
}

export const MARGIN = 50;
const INK = '#1a1a1a';

/**
 * A pdfkit document that sets every text in runs of the face that has its characters (see
 * `fontRuns`) and wraps words of Thai, Khmer and Burmese between words.
 */
export class ReportWriter {
  readonly doc: PDFKit.PDFDocument;

  constructor(info: { title: string; lang: string; createdAt: Date }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      lang: info.lang,
      info: {
        Title: info.title,
        Author: 'Homeward',
        Creator: 'Homeward',
        CreationDate: info.createdAt,
      },
    });
    for (const weight of ['regular', 'bold'] as const) {
      for (const face of faces(weight)) {
        // The parsed font, shared by every report (pdfkit takes a fontkit font as it is): parsing
        // the WOFF files again for each document was most of a report's time.
        this.doc.registerFont(face.name, face.font as unknown as PDFKit.Mixins.PDFFontSource);
      }
    }
  }

  get contentWidth(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  /** One paragraph at the current position (or at `at`), wrapped to the content width. */
  text(text: string, style: TextStyle = {}, at?: { x: number; y: number }): void {
    const runs = fontRuns(withWordBreaks(text), style.weight ?? 'regular');
    if (runs.length === 0) {
      return;
    }
    const indent = style.indent ?? 0;
    const x = at?.x ?? MARGIN + indent;
    const width = this.contentWidth - indent;
    this.doc.fontSize(style.size ?? 10).fillColor(style.color ?? INK);
    runs.forEach((run, i) => {
      const options = { width, align: style.align ?? 'left', continued: i < runs.length - 1 };
      this.doc.font(run.face);
      if (i === 0) {
        this.doc.text(run.text, x, at?.y ?? this.doc.y, options);
      } else {
        this.doc.text(run.text, options);
      }
    });
    this.doc.moveDown(style.gap ?? 0.4);
  }

  heading(text: string): void {
    this.ensureSpace(60);
    this.doc.moveDown(0.6);
    this.text(text, { size: 13, weight: 'bold', gap: 0.3 });
  }

  /** `label: value` on one paragraph, the label bold. */
  field(label: string, value: string, style: TextStyle = {}): void {
    this.text(`${label}: ${value}`, { ...style, gap: style.gap ?? 0.15 });
  }

  /** Starts a new page unless `points` of height are left on this one. */
  ensureSpace(points: number): void {
    if (this.doc.y + points > this.doc.page.height - MARGIN) {
      this.doc.addPage();
    }
  }

  rule(): void {
    const y = this.doc.y + 2;
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(this.doc.page.width - MARGIN, y)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    this.doc.y = y + 6;
  }

  /** Ends the document; the PDF bytes. */
  finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}
