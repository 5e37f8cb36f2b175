// The CodeMirror 6 view behind the Editor pane: C highlighting, the two themes, Ctrl-S (Cmd-S
// on macOS) for save, and a "modified" flag that compares the document with the text last
// loaded or saved, so undoing back to it clears the marker. The line a stepped program is
// paused before is highlighted (class cm-execLine, aria-current="step") and scrolled into view.
import { basicSetup } from 'codemirror';
import { cpp } from '@codemirror/lang-cpp';
import { Compartment, EditorState, StateEffect, StateField, Text } from '@codemirror/state';
import { Decoration, EditorView, keymap, type DecorationSet } from '@codemirror/view';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { darkEditorTheme, lightEditorTheme } from './themes';

/** CodeViewOptions are the view's starting theme and its callbacks. */
export interface CodeViewOptions {
  dark: boolean;
  /** onModified is called when the buffer starts or stops differing from the saved text. */
  onModified: (modified: boolean) => void;
  /** onSave is called for Ctrl-S / Cmd-S inside the editor. */
  onSave: () => void;
  /** onEdit is called after every change to the text. */
  onEdit?: () => void;
}

/** CompileMark is one compiler diagnostic to show inline: 1-based line and column, length in characters. */
export interface CompileMark {
  line: number;
  col: number;
  length: number;
  severity: 'error' | 'warning' | 'note';
  message: string;
}

/** setExecLine moves the executing-line highlight to a 1-based line, or removes it (null). */
const setExecLine = StateEffect.define<number | null>();

const execLineMark = Decoration.line({ class: 'cm-execLine', attributes: { 'aria-current': 'step' } });

/** execLine holds the highlight of the line a stepped program is paused before. */
const execLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setExecLine)) continue;
      const n = e.value;
      next =
        n === null || n < 1 || n > tr.state.doc.lines
          ? Decoration.none
          : Decoration.set([execLineMark.range(tr.state.doc.line(n).from)]);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const execLineTheme = EditorView.baseTheme({
  '&light .cm-execLine': { backgroundColor: '#fff1a8', boxShadow: 'inset 3px 0 0 #d9a400' },
  '&dark .cm-execLine': { backgroundColor: '#4d4300', boxShadow: 'inset 3px 0 0 #ffd23f' },
});

/** CodeView owns one CodeMirror EditorView. */
export class CodeView {
  readonly #view: EditorView;
  readonly #theme = new Compartment();
  readonly #options: CodeViewOptions;
  #saved: Text;
  #modified = false;

  constructor(parent: HTMLElement, options: CodeViewOptions) {
    this.#options = options;
    this.#view = new EditorView({ parent, state: this.#state('', options.dark) });
    this.#saved = this.#view.state.doc;
  }

  /** text is the buffer's current content. */
  get text(): string {
    return this.#view.state.doc.toString();
  }

  /** modified is true while the buffer differs from the text last loaded or saved. */
  get modified(): boolean {
    return this.#modified;
  }

  /** load replaces the buffer (and its undo history) with a file's text. */
  load(text: string, dark: boolean): void {
    this.#view.setState(this.#state(text, dark));
    this.#saved = this.#view.state.doc;
    this.#setModified(false);
  }

  /** markSaved records that `text` (the buffer when the save began) is now on disk. */
  markSaved(text: string): void {
    const doc = this.#view.state.doc;
    this.#saved = doc.toString() === text ? doc : Text.of(text.split('\n'));
    this.#setModified(!doc.eq(this.#saved));
  }

  /** setDark switches between the light and dark themes. */
  setDark(dark: boolean): void {
    this.#view.dispatch({ effects: this.#theme.reconfigure(dark ? darkEditorTheme : lightEditorTheme) });
  }

  /** showDiagnostics marks compiler errors and warnings at their place in the text (replacing earlier marks). */
  showDiagnostics(marks: readonly CompileMark[]): void {
    const doc = this.#view.state.doc;
    const diagnostics: Diagnostic[] = marks.map((m) => {
      const line = doc.line(Math.min(Math.max(1, m.line), doc.lines));
      const from = Math.min(line.from + Math.max(0, m.col - 1), line.to);
      // a one-character mark on a name covers the whole name
      const word = m.length <= 1 ? this.#view.state.wordAt(from) : null;
      const to = word && word.from === from ? word.to : Math.min(from + Math.max(1, m.length), line.to);
      return {
        from,
        to: Math.max(from, to),
        severity: m.severity === 'note' ? 'info' : m.severity,
        message: m.message,
      };
    });
    this.#view.dispatch(setDiagnostics(this.#view.state, diagnostics));
  }

  /** showExecLine highlights the line (1-based) a stepped program is paused before and scrolls to it; null removes the highlight. */
  showExecLine(line: number | null): void {
    const doc = this.#view.state.doc;
    const inside = line !== null && line >= 1 && line <= doc.lines;
    this.#view.dispatch({
      effects: [
        setExecLine.of(inside ? line : null),
        ...(inside ? [EditorView.scrollIntoView(doc.line(line).from, { y: 'center' })] : []),
      ],
    });
  }

  /** focus puts the keyboard focus in the code. */
  focus(): void {
    this.#view.focus();
  }

  /** destroy removes the view from the page. */
  destroy(): void {
    this.#view.destroy();
  }

  #state(text: string, dark: boolean): EditorState {
    return EditorState.create({
      doc: text,
      extensions: [
        keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (this.#options.onSave(), true) }]),
        basicSetup,
        cpp(),
        execLine,
        execLineTheme,
        this.#theme.of(dark ? darkEditorTheme : lightEditorTheme),
        EditorView.contentAttributes.of({ 'aria-label': 'Code', 'aria-multiline': 'true' }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          this.#setModified(!update.state.doc.eq(this.#saved));
          this.#options.onEdit?.();
        }),
      ],
    });
  }

  #setModified(modified: boolean): void {
    if (modified === this.#modified) return;
    this.#modified = modified;
    this.#options.onModified(modified);
  }
}
