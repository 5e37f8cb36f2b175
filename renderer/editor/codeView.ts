// The CodeMirror 6 view behind the Editor pane: C highlighting, the two themes, Ctrl-S (Cmd-S
// on macOS) for save, and a "modified" flag that compares the document with the text last
// loaded or saved, so undoing back to it clears the marker.
import { basicSetup } from 'codemirror';
import { cpp } from '@codemirror/lang-cpp';
import { Compartment, EditorState, Text } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
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
