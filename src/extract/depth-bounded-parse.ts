// HTML parsed with its element nesting bounded, as browsers bound it (Blink and WebKit stop nesting at
// 512 levels): beyond MAX_ELEMENT_DEPTH an element's tag is dropped and its text joins the element
// that holds it. htmlparser2 keeps its open elements in an array it shifts and unshifts at the front,
// so a page of a million unclosed tags ("<b><b><b>…") costs quadratic time, and the recursive walks
// over a tree 100,000 levels deep overflow the stack. Real pages nest at most a few dozen levels.
import { DomHandler, Parser, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import type { Document } from 'domhandler';

/** Open elements beyond this many levels are flattened into their ancestor. */
export const MAX_ELEMENT_DEPTH = 512;

/** Tags whose content the tokenizer reads as raw text: they hold no elements, so they are always kept. */
const RAW_TEXT_TAGS = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
/** Tags that separate words: a dropped one leaves a space, so that the texts on either side stay apart. */
const BREAKING_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'tfoot', 'td', 'th', 'thead', 'tr', 'ul', 'caption',
]);

/**
 * SVG and MathML elements, and the HTML inside them: the parser stacks a context for each one opened
 * and unstacks it only when a closing tag of one of these names comes, at the front of another array.
 */
const FOREIGN_CONTEXT_TAGS = new Set(['math', 'svg', 'mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** Tags that never hold elements: the parser does not stack them, and closes a stray `</br>` as a <br>. */
const VOID_TAGS = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** The tree builder, telling how deep the element being filled stands and which element names are open. */
class DepthHandler extends DomHandler {
  private readonly open = new Map<string, number>();

  get depth(): number {
    return this.tagStack.length - 1;
  }

  isOpen(name: string): boolean {
    return (this.open.get(name) ?? 0) > 0;
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.open.set(name, (this.open.get(name) ?? 0) + 1);
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    const element = this.tagStack[this.tagStack.length - 1];
    if (element && 'name' in element) this.open.set(element.name, this.open.get(element.name)! - 1);
    super.onclosetag();
  }
}

/** Parses a whole page; the tree never nests deeper than MAX_ELEMENT_DEPTH elements. */
export function parseWithBoundedDepth(html: string, options: { decodeEntities: boolean }): Document {
  const handler = new DepthHandler();
  // The filter sits between the tokenizer and the parser: tags it drops never reach the parser's stack.
  class DepthBoundedTokenizer extends Tokenizer {
    constructor(tokenizerOptions: ConstructorParameters<typeof Tokenizer>[0], parser: TokenizerCallbacks) {
      super(tokenizerOptions, depthFilter(parser, handler, html));
    }
  }
  new Parser(handler, { ...options, Tokenizer: DepthBoundedTokenizer }).end(html);
  return handler.root;
}

/**
 * Passes the tokenizer's events to the parser, except the tags opened beyond the depth bound (with
 * their attributes) and, by name and count, the closing tags that match them. Offsets are into `html`,
 * which the parser receives as one chunk.
 */
function depthFilter(parser: TokenizerCallbacks, handler: DepthHandler, html: string): TokenizerCallbacks {
  /** Dropped open tags not yet matched by a closing tag, by name. */
  const dropped = new Map<string, number>();
  /** Foreign contexts the parser has stacked (see FOREIGN_CONTEXT_TAGS); kept within the depth bound too. */
  let foreign = 0;
  /** Inside a dropped tag, between its name and its end: its attributes are dropped too. */
  let dropping = false;
  const tagName = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const separate = (name: string) => {
    if (BREAKING_TAGS.has(name)) handler.ontext(' ');
  };
  return {
    onopentagname(start, end) {
      const name = tagName(start, end);
      const stacksContext = FOREIGN_CONTEXT_TAGS.has(name);
      if (RAW_TEXT_TAGS.has(name) || (handler.depth < MAX_ELEMENT_DEPTH && !(stacksContext && foreign >= MAX_ELEMENT_DEPTH))) {
        if (stacksContext) foreign++;
        return parser.onopentagname(start, end);
      }
      dropping = true;
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      separate(name);
    },
    onattribname: (start, end) => (dropping ? undefined : parser.onattribname(start, end)),
    onattribdata: (start, end) => (dropping ? undefined : parser.onattribdata(start, end)),
    onattribentity: (codepoint) => (dropping ? undefined : parser.onattribentity(codepoint)),
    onattribend: (quote, end) => (dropping ? undefined : parser.onattribend(quote, end)),
    onopentagend(end) {
      if (dropping) dropping = false;
      else parser.onopentagend(end);
    },
    onselfclosingtag(end) {
      if (dropping) dropping = false;
      else parser.onselfclosingtag(end);
    },
    onclosetag(start, end) {
      const name = tagName(start, end);
      const open = dropped.get(name);
      if (!open) {
        if (FOREIGN_CONTEXT_TAGS.has(name)) foreign = Math.max(0, foreign - 1);
        // A closing tag matching no open element is ignored by the parser, after a search of its whole stack.
        else if (!handler.isOpen(name) && !VOID_TAGS.has(name) && name !== 'p') return;
        return parser.onclosetag(start, end);
      }
      if (open === 1) dropped.delete(name);
      else dropped.set(name, open - 1);
      separate(name);
    },
    ontext: (start, end) => parser.ontext(start, end),
    ontextentity: (codepoint, end) => parser.ontextentity(codepoint, end),
    oncdata: (start, end, offset) => parser.oncdata(start, end, offset),
    oncomment: (start, end, offset) => parser.oncomment(start, end, offset),
    ondeclaration: (start, end) => parser.ondeclaration(start, end),
    onprocessinginstruction: (start, end) => parser.onprocessinginstruction(start, end),
    onend: () => parser.onend(),
  };
}
