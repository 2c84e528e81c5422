/**
 * Line breaking for the PDF writer, independent of any PDF library: text comes as styled runs, widths
 * from an injected measure, and lines come out as positioned fragments.
 *
 * Breaks happen at ordinary spaces and explicit newlines only. French typography puts no-break spaces
 * (U+00A0, U+202F, as Intl writes "1 234,50 €" and "35 %") where a line must not break: they stay
 * inside their word. A word wider than the line is cut between characters rather than spilling out.
 */

export type TextStyle = "regular" | "bold";

export interface Run {
  text: string;
  style?: TextStyle;
  /** Hex colour "#1d4ed8"; the writer's body colour when absent. */
  color?: string;
}

export interface LineFragment {
  text: string;
  style: TextStyle;
  color?: string;
  /** Offset from the start of the line. */
  x: number;
  width: number;
}

export interface Line {
  fragments: LineFragment[];
  width: number;
}

export type Measure = (text: string, style: TextStyle) => number;

interface Token {
  text: string;
  style: TextStyle;
  color?: string;
  kind: "word" | "space" | "newline";
}

/** Whole runs → words, spaces and newlines, each carrying its run's style. */
function tokenize(runs: readonly Run[]): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    const style = run.style ?? "regular";
    // Tabs and other ASCII blanks read as spaces; the no-break spaces are deliberately not matched.
    for (const part of run.text.replace(/\r\n?/g, "\n").split(/(\n| +|\t)/)) {
      if (part === "") continue;
      const kind = part === "\n" ? "newline" : /^[ \t]+$/.test(part) ? "space" : "word";
      tokens.push({ text: kind === "space" ? " " : part, style, color: run.color, kind });
    }
  }
  return tokens;
}

/** Cuts a word that cannot fit on any line into pieces that do (at least one character each). */
function splitLongWord(token: Token, maxWidth: number, measure: Measure): Token[] {
  const pieces: Token[] = [];
  let current = "";
  for (const ch of token.text) {
    if (current && measure(current + ch, token.style) > maxWidth) {
      pieces.push({ ...token, text: current });
      current = "";
    }
    current += ch;
  }
  if (current) pieces.push({ ...token, text: current });
  return pieces;
}

/** Lines of at most `maxWidth` (except a single character wider than the line, which cannot be helped). */
export function layoutText(runs: readonly Run[], maxWidth: number, measure: Measure): Line[] {
  const lines: Line[] = [];
  let fragments: LineFragment[] = [];
  let x = 0;
  // A space is only placed once the next word is known to fit after it: no line ends or starts with one.
  let pendingSpace: Token | null = null;

  const endLine = () => {
    lines.push({ fragments, width: x });
    fragments = [];
    x = 0;
    pendingSpace = null;
  };
  const place = (token: Token, width: number) => {
    const last = fragments.at(-1);
    if (last && last.style === token.style && last.color === token.color) {
      last.text += token.text;
      last.width += width;
    } else {
      fragments.push({ text: token.text, style: token.style, color: token.color, x, width });
    }
    x += width;
  };

  for (const token of tokenize(runs)) {
    if (token.kind === "newline") {
      endLine();
      continue;
    }
    if (token.kind === "space") {
      if (fragments.length > 0) pendingSpace = token;
      continue;
    }
    const width = measure(token.text, token.style);
    const spaceWidth = pendingSpace ? measure(" ", pendingSpace.style) : 0;
    if (fragments.length > 0 && x + spaceWidth + width > maxWidth) endLine();
    if (pendingSpace) place(pendingSpace, spaceWidth);
    pendingSpace = null;
    if (width <= maxWidth - x) {
      place(token, width);
      continue;
    }
    for (const piece of splitLongWord(token, maxWidth, measure)) {
      const pieceWidth = measure(piece.text, piece.style);
      if (fragments.length > 0 && x + pieceWidth > maxWidth) endLine();
      place(piece, pieceWidth);
    }
  }
  if (fragments.length > 0 || lines.length === 0) endLine();
  return lines;
}
